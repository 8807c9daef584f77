import LarderAggregation
import LarderCore
import LarderStores

/// What an online read asks for, as a cache key: a service or a list of references, the
/// naming, and the registry version the plan was made from.
struct OnlineRequestKey: Hashable, Sendable {
    enum Features: Hashable, Sendable {
        case service(String)
        case references([FeatureReference])
    }

    var features: Features
    var fullFeatureNames: Bool
    var registryUpdated: Timestamp
}

/// An online read resolved once and reused: per view, the store's read plan, the join keys it
/// needs and the output names of its features, in request order.
struct OnlineRequestPlan: Sendable {
    struct ViewRead: Sendable {
        var view: String
        var plan: any PreparedOnlineRead
        var joinKeys: [String]
        var outputNames: [String]
    }

    var reads: [ViewRead]

    /// Resolves references against a registry and plans one read per run of features of the
    /// same view.
    /// - Throws: ``DefinitionError`` for unknown views or features or a name clash;
    ///   ``OnlineStoreError`` from planning.
    init(
        references: [FeatureReference], fullFeatureNames: Bool, registry: Registry, store: any OnlineStore
    ) throws {
        let resolved = try registry.manifest.resolve(references, fullFeatureNames: fullFeatureNames)
        reads = []
        var start = 0
        while start < resolved.count {
            let view = resolved[start].view
            var end = start
            while end < resolved.count, resolved[end].view.name == view.name { end += 1 }
            let viewSchema = try registry.manifest.onlineSchema(for: view)
            let features = resolved[start..<end].map(\.field.name)
            let plan: any PreparedOnlineRead =
                view.isAggregation
                ? try AggregatedOnlineRead(
                    store: store, view: view, layout: try registry.manifest.eventLogLayout(for: view),
                    features: features)
                : try store.prepareRead(view: viewSchema, features: features)
            reads.append(
                ViewRead(
                    view: view.name,
                    plan: plan,
                    joinKeys: viewSchema.joinKeys.map(\.name),
                    outputNames: resolved[start..<end].map(\.outputName)))
            start = end
        }
    }
}
