public import LarderCore
public import LarderOnline

/// Entity key values for an online read: one column per join key, one entry per entity row.
public struct EntityColumn: Sendable, Hashable {
    /// The join key's name.
    public var name: String
    /// The key values, one per entity row.
    public var values: [Value]

    /// A column of key values.
    /// - Parameters:
    ///   - name: the join key.
    ///   - values: one value per entity row.
    public init(name: String, values: [Value]) {
        self.name = name
        self.values = values
    }
}

/// One result column of an online read: a value, a status and an event time per entity row.
public struct OnlineFeatureColumn: Sendable, Hashable {
    /// The values, in entity-row order; null unless the status is `PRESENT`.
    public var values: [Value]
    /// The statuses.
    public var statuses: [FeatureStatus]
    /// When each value became true; `nil` when the key was not found.
    public var eventTimestamps: [Timestamp?]

    /// A result column.
    /// - Parameters:
    ///   - values: the values.
    ///   - statuses: the statuses.
    ///   - eventTimestamps: the event times.
    public init(values: [Value], statuses: [FeatureStatus], eventTimestamps: [Timestamp?]) {
        self.values = values
        self.statuses = statuses
        self.eventTimestamps = eventTimestamps
    }
}

/// The answer to an online read, column-oriented as Feast's server returns it: the join keys
/// first, then the features in requested order.
public struct OnlineFeatures: Sendable, Hashable {
    /// The column names: join keys, then features (`feature` or `view__feature`).
    public var featureNames: [String]
    /// The columns, `columns[i]` for `featureNames[i]`.
    public var columns: [OnlineFeatureColumn]
    /// The number of entity rows.
    public var rowCount: Int
}
