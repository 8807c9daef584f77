public import LarderCore
import LarderOnline

extension FeatureStore {
    /// Reads the latest values of features for entity rows from the online store.
    ///
    /// For every entity row (repeats allowed, order kept) and feature: the value, a status
    /// (`PRESENT`, `NULL_VALUE`, `NOT_FOUND`, or `OUTSIDE_MAX_AGE` when the stored row is older
    /// than the view's TTL as of `now`, value null, so serving agrees with training) and the
    /// value's event time.
    /// - Parameters:
    ///   - features: `view:feature` references, in output order.
    ///   - entities: the join key columns, all of the same length.
    ///   - fullFeatureNames: name features `view__feature` instead of `feature`.
    ///   - now: the time the TTL is measured against.
    /// - Returns: join-key columns, then feature columns.
    /// - Throws: ``DefinitionError`` for an unknown view or feature or a name clash;
    ///   ``OnlineStoreError`` naming a missing or mistyped join key.
    public func getOnlineFeatures(
        features: [FeatureReference], entities: [EntityColumn], fullFeatureNames: Bool = false, now: Timestamp = .now
    ) throws -> OnlineFeatures {
        let registry = try currentRegistry()
        let resolved = try registry.manifest.resolve(features, fullFeatureNames: fullFeatureNames)
        let rowCount = entities.first?.values.count ?? 0
        for column in entities where column.values.count != rowCount {
            throw OnlineStoreError(
                .invalidEntityKey,
                "entity key '\(column.name)' has \(column.values.count) values; '\(entities[0].name)' has \(rowCount)")
        }
        var result = OnlineFeatures(
            featureNames: entities.map(\.name),
            columns: entities.map {
                OnlineFeatureColumn(
                    values: $0.values, statuses: Array(repeating: .present, count: rowCount),
                    eventTimestamps: Array(repeating: nil, count: rowCount))
            },
            rowCount: rowCount)
        let online = try onlineStore()
        var start = 0
        while start < resolved.count {
            let view = resolved[start].view
            var end = start
            while end < resolved.count, resolved[end].view.name == view.name { end += 1 }
            let plan = try readPlan(view: view, features: resolved[start..<end].map(\.field.name), registry: registry, store: online)
            let keyColumns = try plan.view.joinKeys.map { key in
                guard let column = entities.first(where: { $0.name == key.name }) else {
                    throw OnlineStoreError(
                        .invalidEntityKey,
                        "feature view '\(view.name)' needs entity key '\(key.name)'; the request has \(entities.map { "'\($0.name)'" }.joined(separator: ", "))")
                }
                return column.values
            }
            let read = try online.read(plan, entityColumns: keyColumns, now: now)
            for (offset, feature) in resolved[start..<end].enumerated() {
                result.featureNames.append(feature.outputName)
                result.columns.append(OnlineFeatureColumn(
                    values: Array(read.values(ofFeature: offset)), statuses: Array(read.statuses(ofFeature: offset)),
                    eventTimestamps: read.eventTimestamps))
            }
            start = end
        }
        return result
    }

    /// Reads the features of a feature service; see
    /// ``getOnlineFeatures(features:entities:fullFeatureNames:now:)``.
    /// - Parameters:
    ///   - service: the feature service's name.
    ///   - entities: the join key columns.
    ///   - fullFeatureNames: name features `view__feature`.
    ///   - now: the time the TTL is measured against.
    /// - Returns: join-key columns, then feature columns.
    /// - Throws: ``DefinitionError`` for an unknown service; as the reference form does.
    public func getOnlineFeatures(
        service: String, entities: [EntityColumn], fullFeatureNames: Bool = false, now: Timestamp = .now
    ) throws -> OnlineFeatures {
        try getOnlineFeatures(
            features: try currentRegistry().manifest.references(ofService: service), entities: entities,
            fullFeatureNames: fullFeatureNames, now: now)
    }

    /// A read plan for a view's features, kept across calls while the registry is unchanged.
    private func readPlan(
        view: FeatureView, features: [String], registry: Registry, store: OnlineStore
    ) throws -> OnlineReadPlan {
        let key = ReadPlanKey(view: view.name, features: features, registryUpdated: registry.lastUpdated)
        if let plan = readPlans.withLock({ $0[key] }) { return plan }
        let plan = try store.readPlan(view: try onlineSchema(for: view, in: registry.manifest), features: features)
        readPlans.withLock { plans in
            if plans.count > 10_000 { plans.removeAll() }
            plans[key] = plan
        }
        return plan
    }
}

/// Identifies a cached online read plan.
struct ReadPlanKey: Hashable {
    var view: String
    var features: [String]
    var registryUpdated: Timestamp
}
