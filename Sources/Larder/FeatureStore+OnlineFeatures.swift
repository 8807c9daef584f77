public import LarderCore

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
        try onlineReader.read(.references(features), entities: entities, fullFeatureNames: fullFeatureNames, now: now)
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
        try onlineReader.read(.service(service), entities: entities, fullFeatureNames: fullFeatureNames, now: now)
    }
}
