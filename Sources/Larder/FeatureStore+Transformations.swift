public import LarderCore

extension FeatureStore {
    /// Reads features, on-demand ones included, for entity rows; see
    /// ``getOnlineFeatures(features:entities:fullFeatureNames:now:)``.
    ///
    /// On-demand features are computed after the lookup from the request's fields and the
    /// features they read; their status is `PRESENT`, or `NULL_VALUE` when the value is null,
    /// and they have no event time.
    /// - Parameters:
    ///   - features: `view:feature` references, in output order.
    ///   - entities: the join key columns (request fields may be among them, as Feast's
    ///     clients send them).
    ///   - requestData: request fields, one value per entity row; looked up before `entities`.
    ///   - fullFeatureNames: name features `view__feature`.
    ///   - now: the time the TTL is measured against.
    /// - Returns: join-key columns, then feature columns.
    /// - Throws: as the read without request data; ``RequestDataError`` naming a missing
    ///   request field or a value of the wrong type.
    public func getOnlineFeatures(
        features: [FeatureReference], entities: [EntityColumn], requestData: [EntityColumn],
        fullFeatureNames: Bool = false, now: Timestamp = .now
    ) throws -> OnlineFeatures {
        try onlineReader.read(
            .references(features), entities: entities, fullFeatureNames: fullFeatureNames, now: now,
            requestData: requestData)
    }

    /// Reads the features of a feature service, on-demand ones included; see
    /// ``getOnlineFeatures(features:entities:requestData:fullFeatureNames:now:)``.
    /// - Parameters:
    ///   - service: the feature service's name.
    ///   - entities: the join key columns (request fields may be among them).
    ///   - requestData: request fields, one value per entity row.
    ///   - fullFeatureNames: name features `view__feature`.
    ///   - now: the time the TTL is measured against.
    /// - Returns: join-key columns, then feature columns.
    /// - Throws: ``DefinitionError`` for an unknown service; as the reference form does.
    public func getOnlineFeatures(
        service: String, entities: [EntityColumn], requestData: [EntityColumn], fullFeatureNames: Bool = false,
        now: Timestamp = .now
    ) throws -> OnlineFeatures {
        try onlineReader.read(
            .service(service), entities: entities, fullFeatureNames: fullFeatureNames, now: now,
            requestData: requestData)
    }

    /// The request fields the features read, through on-demand features, with their types:
    /// what a scoring client must send.
    /// - Parameter features: the requested features.
    /// - Returns: the fields, in first-read order.
    /// - Throws: ``DefinitionError`` for an unknown view or feature.
    public func requestFields(of features: [FeatureReference]) throws -> [RequestField] {
        let manifest = try currentRegistry().manifest
        guard let plan = try OnDemandReadPlan(references: features, fullFeatureNames: true, manifest: manifest) else {
            return []
        }
        return plan.program.requestFields
    }
}
