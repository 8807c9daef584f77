import LarderCore
import LarderStores
import Synchronization

/// Answers online reads: resolves a request against the registry once per registry version,
/// keeps the plan, and assembles the result from the online store's reads, one per view.
final class OnlineReader: Sendable {
    private let registry: RegistryStore
    private let stores: StoreProvider
    /// Resolved and planned requests by request and registry version.
    private let plans = Mutex<[OnlineRequestKey: OnlineRequestPlan]>([:])

    /// A reader for a repository's registry and stores.
    /// - Parameters:
    ///   - registry: the registry the requests resolve against.
    ///   - stores: where the online store comes from.
    init(registry: RegistryStore, stores: StoreProvider) {
        self.registry = registry
        self.stores = stores
    }

    /// Reads features for entity rows; see ``FeatureStore/getOnlineFeatures(features:entities:fullFeatureNames:now:)``.
    /// - Parameters:
    ///   - features: a service or a list of references.
    ///   - entities: the join key columns, all of the same length.
    ///   - fullFeatureNames: name features `view__feature`.
    ///   - now: the time the TTL is measured against.
    ///   - requestData: request fields of on-demand features (`request_data`).
    /// - Returns: join-key columns, then feature columns.
    /// - Throws: ``DefinitionError`` for an unknown service, view or feature or a name clash;
    ///   ``OnlineStoreError`` naming a missing or mistyped join key; ``RequestDataError``.
    func read(
        _ features: OnlineRequestKey.Features, entities: [EntityColumn], fullFeatureNames: Bool, now: Timestamp,
        requestData: [EntityColumn] = []
    ) throws -> OnlineFeatures {
        let rowCount = entities.first?.values.count ?? 0
        for column in entities where column.values.count != rowCount {
            throw OnlineStoreError(
                .invalidEntityKey,
                "entity key '\(column.name)' has \(column.values.count) values; '\(entities[0].name)' has \(rowCount)")
        }
        let plan = try plan(features, fullFeatureNames: fullFeatureNames)
        // Sized once: join keys, then every feature.
        let width = entities.count + plan.reads.reduce(0) { $0 + $1.outputNames.count }
        var result = OnlineFeatures(featureNames: [], columns: [], rowCount: rowCount)
        result.featureNames.reserveCapacity(width)
        result.columns.reserveCapacity(width)
        let keyStatuses = ResultColumn(Array(repeating: FeatureStatus.present, count: rowCount))
        let keyTimestamps = ResultColumn(Array(repeating: Timestamp?.none, count: rowCount))
        for column in entities {
            result.featureNames.append(column.name)
            result.columns.append(
                OnlineFeatureColumn(
                    values: ResultColumn(column.values), statuses: keyStatuses, eventTimestamps: keyTimestamps))
        }
        for read in plan.reads {
            let keyColumns = try read.joinKeys.map { key in
                guard let column = entities.first(where: { $0.name == key }) else {
                    throw OnlineStoreError(
                        .invalidEntityKey,
                        "feature view '\(read.view)' needs entity key '\(key)'; the request has \(entities.map { "'\($0.name)'" }.joined(separator: ", "))"
                    )
                }
                return column.values
            }
            let values = try read.plan.read(entityColumns: keyColumns, now: now)
            let eventTimestamps = ResultColumn(values.eventTimestamps)
            for (feature, name) in read.outputNames.enumerated() {
                let entries = values.entries(ofFeature: feature)
                result.featureNames.append(name)
                result.columns.append(
                    OnlineFeatureColumn(
                        values: ResultColumn(values.values, offset: entries.lowerBound, count: entries.count),
                        statuses: ResultColumn(values.statuses, offset: entries.lowerBound, count: entries.count),
                        eventTimestamps: eventTimestamps))
            }
        }
        if let onDemand = plan.onDemand {
            return try onDemand.finish(result, keyCount: entities.count, requestData: requestData, entities: entities)
        }
        return result
    }

    /// Forgets every plan (the stores they read were closed).
    func forgetPlans() {
        plans.withLock { $0.removeAll() }
    }

    /// The plan for a request, made once per registry version.
    private func plan(_ features: OnlineRequestKey.Features, fullFeatureNames: Bool) throws -> OnlineRequestPlan {
        let recent = OnlineRequestKey(
            features: features, fullFeatureNames: fullFeatureNames, registryUpdated: try registry.currentVersion())
        if let plan = plans.withLock({ $0[recent] }) { return plan }
        let current = try registry.current()
        let key = OnlineRequestKey(
            features: features, fullFeatureNames: fullFeatureNames, registryUpdated: current.lastUpdated)
        let references: [FeatureReference] =
            switch features {
            case .service(let name): try current.manifest.references(ofService: name)
            case .references(let references): references
            }
        let plan = try OnlineRequestPlan(
            references: references, fullFeatureNames: fullFeatureNames, registry: current, store: try stores.online())
        plans.withLock { plans in
            if plans.count > 10_000 { plans.removeAll() }
            plans[key] = plan
        }
        return plan
    }
}
