public import LarderCore
public import LarderStores

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
///
/// Feature columns share the online store's result storage (see ``ResultColumn``): reading a
/// service of eight features makes no per-feature copies.
public struct OnlineFeatureColumn: Sendable, Hashable {
    /// The values, in entity-row order; null unless the status is `PRESENT`.
    public var values: ResultColumn<Value>
    /// The statuses.
    public var statuses: ResultColumn<FeatureStatus>
    /// When each value became true; `nil` when the key was not found.
    public var eventTimestamps: ResultColumn<Timestamp?>

    /// A result column.
    /// - Parameters:
    ///   - values: the values.
    ///   - statuses: the statuses.
    ///   - eventTimestamps: the event times.
    public init(
        values: ResultColumn<Value>, statuses: ResultColumn<FeatureStatus>, eventTimestamps: ResultColumn<Timestamp?>
    ) {
        self.values = values
        self.statuses = statuses
        self.eventTimestamps = eventTimestamps
    }

    /// A result column from arrays.
    /// - Parameters:
    ///   - values: the values.
    ///   - statuses: the statuses.
    ///   - eventTimestamps: the event times.
    public init(values: [Value], statuses: [FeatureStatus], eventTimestamps: [Timestamp?]) {
        self.init(
            values: ResultColumn(values), statuses: ResultColumn(statuses),
            eventTimestamps: ResultColumn(eventTimestamps))
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

    /// A result.
    /// - Parameters:
    ///   - featureNames: the column names.
    ///   - columns: a column per name, each with `rowCount` entries.
    ///   - rowCount: the number of entity rows.
    public init(featureNames: [String], columns: [OnlineFeatureColumn], rowCount: Int) {
        self.featureNames = featureNames
        self.columns = columns
        self.rowCount = rowCount
    }
}
