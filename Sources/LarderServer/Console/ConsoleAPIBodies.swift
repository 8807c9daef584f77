import Larder
import LarderCore

/// `GET /api/v1/overview`: what the overview page shows, as JSON.
struct OverviewBody: Encodable {
    /// A store's kind and where it lives.
    struct Store: Encodable {
        var type: String
        var path: String
    }

    /// How many objects of each kind are applied.
    struct Counts: Encodable {
        var entities: Int
        var sources: Int
        var featureViews: Int
        var featureServices: Int

        enum CodingKeys: String, CodingKey {
            case entities, sources, featureViews = "feature_views", featureServices = "feature_services"
        }
    }

    /// One view's freshness.
    struct Freshness: Encodable {
        var featureView: String
        var online: Bool
        var ttlSeconds: Int64?
        var newestEvent: Timestamp?
        var ageSeconds: Int64?
        var lastMaterialized: Timestamp?
        var materializedUntil: Timestamp?
        var stale: Bool

        init(_ entry: ViewFreshness) {
            featureView = entry.view
            online = entry.online
            ttlSeconds = entry.ttl?.components.seconds
            newestEvent = entry.newestEvent
            ageSeconds = entry.age?.components.seconds
            lastMaterialized = entry.lastMaterialized
            materializedUntil = entry.materializedUntil
            stale = entry.isStale
        }

        enum CodingKeys: String, CodingKey {
            case featureView = "feature_view", online, ttlSeconds = "ttl_seconds", newestEvent = "newest_event"
            case ageSeconds = "age_seconds", lastMaterialized = "last_materialized"
            case materializedUntil = "materialized_until", stale
        }

        /// Writes every member, `null` included, so clients see the same keys every time.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(featureView, forKey: .featureView)
            try container.encode(online, forKey: .online)
            try container.encode(ttlSeconds, forKey: .ttlSeconds)
            try container.encode(newestEvent, forKey: .newestEvent)
            try container.encode(ageSeconds, forKey: .ageSeconds)
            try container.encode(lastMaterialized, forKey: .lastMaterialized)
            try container.encode(materializedUntil, forKey: .materializedUntil)
            try container.encode(stale, forKey: .stale)
        }
    }

    var project: String
    var offlineStore: Store
    var onlineStore: Store
    var lastApply: Timestamp?
    var counts: Counts
    var asOf: Timestamp
    var freshness: [Freshness]

    /// The overview of a catalog.
    init(catalog: ConsoleCatalog, configuration: StoreConfiguration, now: Timestamp) {
        let manifest = catalog.manifest
        project = configuration.project
        offlineStore = Store(type: configuration.offlineStore.type, path: configuration.offlineStore.path)
        onlineStore = Store(type: configuration.onlineStore.type, path: configuration.onlineStore.path)
        lastApply = catalog.registry.objectTimestamps.values.map(\.updated).max()
        counts = Counts(
            entities: manifest.entities.count, sources: manifest.sources.count,
            featureViews: manifest.featureViews.count, featureServices: manifest.featureServices.count)
        asOf = now
        freshness = catalog.registry.freshness(asOf: now).map(Freshness.init)
    }

    enum CodingKeys: String, CodingKey {
        case project, offlineStore = "offline_store", onlineStore = "online_store", lastApply = "last_apply"
        case counts, asOf = "as_of", freshness
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(project, forKey: .project)
        try container.encode(offlineStore, forKey: .offlineStore)
        try container.encode(onlineStore, forKey: .onlineStore)
        try container.encode(lastApply, forKey: .lastApply)
        try container.encode(counts, forKey: .counts)
        try container.encode(asOf, forKey: .asOf)
        try container.encode(freshness, forKey: .freshness)
    }
}

/// `GET /api/v1/registry`: the applied definitions (in the manifest's JSON form), when each
/// object was applied, the materialized intervals, and which services use each view.
struct RegistryBody: Encodable {
    var project: String
    var lastUpdated: Timestamp
    var manifest: Manifest
    var objectTimestamps: [String: ObjectTimestamps]
    var materializations: [String: [MaterializedInterval]]
    var servicesByFeatureView: [String: [String]]

    /// The body of a catalog.
    init(catalog: ConsoleCatalog) {
        let registry = catalog.registry
        project = registry.project
        lastUpdated = registry.lastUpdated
        manifest = registry.manifest
        objectTimestamps = registry.objectTimestamps
        materializations = registry.materializations
        servicesByFeatureView = Dictionary(
            uniqueKeysWithValues: registry.manifest.featureViews.map { view in
                (view.name, (catalog.servicesByView[view.name] ?? []).map(\.name))
            })
    }

    enum CodingKeys: String, CodingKey {
        case project, lastUpdated = "last_updated", manifest, objectTimestamps = "object_timestamps"
        case materializations, servicesByFeatureView = "services_by_feature_view"
    }
}
