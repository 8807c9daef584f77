public import LarderCore
public import LarderStores

/// An online read of aggregated features: reads each entity key's event log from the online
/// store and computes the features as of the read time with the same ``AggregationProgram``
/// training sets use.
///
/// Statuses: `PRESENT` for a value, `NULL_VALUE` for null (such as the mean of an empty
/// window). A key without a log has had no events: counts and sums are 0, the others null.
/// The event time of a row is that of the newest event before the read time.
public struct AggregatedOnlineRead: PreparedOnlineRead {
    /// The aggregation view's log schema.
    public let view: OnlineViewSchema
    /// The aggregated features, in result order.
    public let features: [String]
    private let logs: any PreparedOnlineRead
    private let program: AggregationProgram
    private let types: [ValueType]
    private let emptyValues: [Value]

    /// Prepares a read of some features of an aggregation view.
    /// - Parameters:
    ///   - store: the online store holding the view's logs.
    ///   - view: the aggregation view.
    ///   - layout: its online layout.
    ///   - features: the features to compute, in result order.
    /// - Throws: ``DefinitionError`` for an unknown feature; ``OnlineStoreError`` from the store.
    public init(store: any OnlineStore, view: FeatureView, layout: EventLogLayout, features: [String]) throws {
        self.view = layout.onlineSchema
        self.features = features
        program = try AggregationProgram(view: view, features: features)
        logs = try store.prepareRead(view: layout.onlineSchema, features: [layout.columnName])
        types = layout.types
        emptyValues = program.emptyValues()
    }

    /// Computes the features for entity rows at `now`.
    /// - Parameters:
    ///   - entityColumns: one array per join key, each with a value per entity row.
    ///   - now: the read time: each window ends just before it.
    /// - Returns: per feature and entity row: value, status, event time.
    /// - Throws: ``OnlineStoreError`` (`invalidEntityKey`).
    public func read(entityColumns: [[Value]], now: Timestamp) throws -> OnlineReadResult {
        let stored = try logs.read(entityColumns: entityColumns, now: now)
        let rowCount = stored.rowCount
        var result = OnlineReadResult(featureNames: features, rowCount: rowCount)
        let time = now.nanosecondsSinceEpoch
        for row in 0..<rowCount {
            let log: EventLog? =
                if stored.status(row: row, feature: 0) == .present,
                    case .bytes(let bytes) = stored.value(row: row, feature: 0)
                {
                    EventLogCodec.decode(bytes, types: types)
                } else { nil }
            func set(_ feature: Int, _ value: Value) {
                result.values[feature * rowCount + row] = value
                result.statuses[feature * rowCount + row] = value.isNull ? .nullValue : .present
            }
            guard let log else {
                for (feature, value) in emptyValues.enumerated() { set(feature, value) }
                continue
            }
            program.evaluate(log, at: time, set)
            let newest = log.firstIndex(atOrAfter: time) - 1
            result.eventTimestamps[row] = newest >= 0 ? Timestamp(nanosecondsSinceEpoch: log.timestamps[newest]) : nil
        }
        return result
    }
}
