public import LarderCore

/// One row to add to a feature view in the offline store, as `push` delivers it.
public struct OfflineRow: Sendable, Hashable {
    /// The join key values, in the view's join key order.
    public var joinKeys: [Value]
    /// When the feature values became true.
    public var eventTimestamp: Timestamp
    /// When the row was written, which breaks ties between equal event times; `nil` if unknown.
    public var createdTimestamp: Timestamp?
    /// The feature values, in the view's feature order (`.null` for a missing value).
    public var features: [Value]

    /// A row from its parts.
    /// - Parameters:
    ///   - joinKeys: the join key values.
    ///   - eventTimestamp: the event time.
    ///   - createdTimestamp: the creation time, if any.
    ///   - features: the feature values.
    public init(joinKeys: [Value], eventTimestamp: Timestamp, createdTimestamp: Timestamp? = nil, features: [Value]) {
        self.joinKeys = joinKeys
        self.eventTimestamp = eventTimestamp
        self.createdTimestamp = createdTimestamp
        self.features = features
    }
}
