public import LarderCore

/// One row to store online: an entity key and the latest feature values for it.
public struct OnlineRow: Sendable, Hashable {
    /// The join key values, in the view's declared order.
    public var key: [Value]
    /// When the feature values were true.
    public var eventTimestamp: Timestamp
    /// When the row was written to its source; breaks ties between equal event timestamps.
    public var createdTimestamp: Timestamp?
    /// The feature values, in the view's declared order; `.null` for a missing value.
    public var values: [Value]

    /// Creates a row.
    /// - Parameters:
    ///   - key: the join key values, in the view's declared order.
    ///   - eventTimestamp: when the feature values were true.
    ///   - createdTimestamp: when the row was written to its source, if known.
    ///   - values: the feature values, in the view's declared order.
    public init(key: [Value], eventTimestamp: Timestamp, createdTimestamp: Timestamp? = nil, values: [Value]) {
        self.key = key
        self.eventTimestamp = eventTimestamp
        self.createdTimestamp = createdTimestamp
        self.values = values
    }
}
