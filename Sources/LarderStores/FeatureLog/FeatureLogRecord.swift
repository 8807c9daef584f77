public import LarderCore

/// One entity row of an online read of a feature service, as the feature server logged it:
/// what was asked (the entity keys and request fields), what was answered (each feature's
/// value and status) and when. The offline store keeps these rows for `larder skew` and for
/// drift over served values (docs/data-quality.md, "Served-feature logging").
public struct FeatureLogRecord: Sendable, Hashable {
    /// The feature service the request named.
    public var service: String
    /// The request's identifier, shared by every entity row of one request.
    public var requestID: String
    /// When the features were read (the instant TTLs and aggregation windows were measured at).
    public var logTime: Timestamp
    /// The entity row's position in its request, from 0.
    public var entityRow: Int
    /// The names of the join keys and request fields the request sent, in request order.
    public var entityNames: [String]
    /// Their values for this entity row, one per name.
    public var entityValues: [Value]
    /// The served features as `view:feature` references, in the service's order.
    public var featureNames: [String]
    /// The served values, one per feature (null unless the status is `PRESENT`).
    public var values: [Value]
    /// The statuses, one per feature.
    public var statuses: [FeatureStatus]

    /// A record from its parts.
    /// - Parameters:
    ///   - service: the feature service.
    ///   - requestID: the request's identifier.
    ///   - logTime: when the features were read.
    ///   - entityRow: the entity row's position in the request.
    ///   - entityNames: join key and request field names.
    ///   - entityValues: their values.
    ///   - featureNames: `view:feature` references.
    ///   - values: the served values.
    ///   - statuses: their statuses.
    public init(
        service: String, requestID: String, logTime: Timestamp, entityRow: Int, entityNames: [String],
        entityValues: [Value], featureNames: [String], values: [Value], statuses: [FeatureStatus]
    ) {
        self.service = service
        self.requestID = requestID
        self.logTime = logTime
        self.entityRow = entityRow
        self.entityNames = entityNames
        self.entityValues = entityValues
        self.featureNames = featureNames
        self.values = values
        self.statuses = statuses
    }

    /// Checks that the names and values pair up.
    /// - Throws: ``OfflineStoreError`` (`invalidRequest`) naming the request and what does not match.
    public func validate() throws {
        guard entityNames.count == entityValues.count, featureNames.count == values.count,
            values.count == statuses.count
        else {
            throw OfflineStoreError(
                .invalidRequest,
                "logged row \(entityRow) of request '\(requestID)' (service '\(service)'): \(entityNames.count) entity names for \(entityValues.count) values, \(featureNames.count) features for \(values.count) values and \(statuses.count) statuses"
            )
        }
    }
}
