public import LarderCore
import LarderStores

extension FeatureStore {
    /// Reads the latest values of features for entity rows from the online store.
    ///
    /// For every entity row (repeats allowed, order kept) and feature: the value, a status
    /// (`PRESENT`, `NULL_VALUE`, `NOT_FOUND`, or `OUTSIDE_MAX_AGE` when the stored row is older
    /// than the view's TTL as of `now`, value null, so serving agrees with training) and the
    /// value's event time. The request is resolved and planned once per registry version.
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
        try getOnlineFeatures(.references(features), entities: entities, fullFeatureNames: fullFeatureNames, now: now)
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
        try getOnlineFeatures(.service(service), entities: entities, fullFeatureNames: fullFeatureNames, now: now)
    }

    private func getOnlineFeatures(
        _ features: OnlineRequestKey.Features, entities: [EntityColumn], fullFeatureNames: Bool, now: Timestamp
    ) throws -> OnlineFeatures {
        let rowCount = entities.first?.values.count ?? 0
        for column in entities where column.values.count != rowCount {
            throw OnlineStoreError(
                .invalidEntityKey,
                "entity key '\(column.name)' has \(column.values.count) values; '\(entities[0].name)' has \(rowCount)")
        }
        let online = try onlineStore()
        let plan = try requestPlan(features, fullFeatureNames: fullFeatureNames, store: online)
        // Sized once: join keys, then every feature.
        let width = entities.count + plan.reads.reduce(0) { $0 + $1.outputNames.count }
        var result = OnlineFeatures(featureNames: [], columns: [], rowCount: rowCount)
        result.featureNames.reserveCapacity(width)
        result.columns.reserveCapacity(width)
        let keyStatuses = ResultColumn(Array(repeating: FeatureStatus.present, count: rowCount))
        let keyTimestamps = ResultColumn(Array(repeating: Timestamp?.none, count: rowCount))
        for column in entities {
            result.featureNames.append(column.name)
            result.columns.append(OnlineFeatureColumn(
                values: ResultColumn(column.values), statuses: keyStatuses, eventTimestamps: keyTimestamps))
        }
        for read in plan.reads {
            let keyColumns = try read.joinKeys.map { key in
                guard let column = entities.first(where: { $0.name == key }) else {
                    throw OnlineStoreError(
                        .invalidEntityKey,
                        "feature view '\(read.view)' needs entity key '\(key)'; the request has \(entities.map { "'\($0.name)'" }.joined(separator: ", "))")
                }
                return column.values
            }
            let values = try read.plan.read(entityColumns: keyColumns, now: now)
            let eventTimestamps = ResultColumn(values.eventTimestamps)
            for (feature, name) in read.outputNames.enumerated() {
                let entries = values.entries(ofFeature: feature)
                result.featureNames.append(name)
                result.columns.append(OnlineFeatureColumn(
                    values: ResultColumn(values.values, offset: entries.lowerBound, count: entries.count),
                    statuses: ResultColumn(values.statuses, offset: entries.lowerBound, count: entries.count),
                    eventTimestamps: eventTimestamps))
            }
        }
        return result
    }

    /// The plan for a request, made once per registry version.
    private func requestPlan(
        _ features: OnlineRequestKey.Features, fullFeatureNames: Bool, store: any OnlineStore
    ) throws -> OnlineRequestPlan {
        let recent = OnlineRequestKey(
            features: features, fullFeatureNames: fullFeatureNames, registryUpdated: try currentRegistryVersion())
        if let plan = requestPlans.withLock({ $0[recent] }) { return plan }
        let registry = try currentRegistry()
        let key = OnlineRequestKey(features: features, fullFeatureNames: fullFeatureNames, registryUpdated: registry.lastUpdated)
        let references: [FeatureReference] =
            switch features {
            case .service(let name): try registry.manifest.references(ofService: name)
            case .references(let references): references
            }
        let plan = try OnlineRequestPlan(
            references: references, fullFeatureNames: fullFeatureNames, registry: registry, store: store,
            schema: onlineSchema(for:in:))
        requestPlans.withLock { plans in
            if plans.count > 10_000 { plans.removeAll() }
            plans[key] = plan
        }
        return plan
    }
}
