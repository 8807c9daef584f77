public import LarderCore

/// One row of a feature view as the stores hold it: an entity key, when its values became
/// true, and the values. Ingestion and `push` write it, materialization reads the latest per
/// key from the offline store and writes it to the online store.
public struct StoredRow: Sendable, Hashable {
    /// The join key values, in the view's declared order.
    public var joinKeys: [Value]
    /// When the feature values became true.
    public var eventTimestamp: Timestamp
    /// When the row was written to its source, which breaks ties between equal event times;
    /// `nil` when the source has no creation time.
    public var createdTimestamp: Timestamp?
    /// The feature values, in the view's declared order; `.null` for a missing value.
    public var features: [Value]

    /// A row from its parts.
    /// - Parameters:
    ///   - joinKeys: the join key values, in the view's declared order.
    ///   - eventTimestamp: when the feature values became true.
    ///   - createdTimestamp: when the row was written to its source, if known.
    ///   - features: the feature values, in the view's declared order.
    public init(joinKeys: [Value], eventTimestamp: Timestamp, createdTimestamp: Timestamp? = nil, features: [Value]) {
        self.joinKeys = joinKeys
        self.eventTimestamp = eventTimestamp
        self.createdTimestamp = createdTimestamp
        self.features = features
    }

    /// The order in which rows of one key win: the later event time, then the later creation
    /// time (a row without one loses a tie to a row with one).
    public var recency: (event: Int64, created: Int64) {
        (eventTimestamp.nanosecondsSinceEpoch, createdTimestamp?.nanosecondsSinceEpoch ?? .min)
    }
}
