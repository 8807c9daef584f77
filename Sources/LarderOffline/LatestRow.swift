public import LarderCore

/// The winning row of one entity, as materialization writes it to the online store.
public struct LatestRow: Sendable, Hashable {
    /// The join key values, in the view's join key order.
    public var joinKeys: [Value]
    /// The row's event time.
    public var eventTimestamp: Timestamp
    /// The row's creation time, when the source has one.
    public var createdTimestamp: Timestamp?
    /// The feature values, in the view's feature order (nulls included).
    public var features: [Value]

    /// A row from its parts.
    /// - Parameters:
    ///   - joinKeys: the join key values.
    ///   - eventTimestamp: the event time.
    ///   - createdTimestamp: the creation time, if any.
    ///   - features: the feature values.
    public init(joinKeys: [Value], eventTimestamp: Timestamp, createdTimestamp: Timestamp?, features: [Value]) {
        self.joinKeys = joinKeys
        self.eventTimestamp = eventTimestamp
        self.createdTimestamp = createdTimestamp
        self.features = features
    }
}
