public import LarderCore
public import LarderStores

/// How an aggregation view's events live in the online store: one value per entity key, the
/// key's encoded ``EventLog``, in a single `bytes` column whose name spells out the event
/// columns and how long events are kept. Changing either gives the view another schema
/// version, so logs of the old shape are never decoded as the new one.
public struct EventLogLayout: Sendable, Hashable {
    /// The schema the online store sees.
    public let onlineSchema: OnlineViewSchema
    /// The event columns, in the view's order.
    public let eventColumns: [Field]
    /// How long events are kept: the view's longest window, in nanoseconds.
    public let retention: Int64

    /// The layout of an aggregation view.
    /// - Parameters:
    ///   - view: the aggregation view, with its column types resolved.
    ///   - joinKeys: the join keys of its entities, in declared order.
    public init(view: FeatureView, joinKeys: [JoinKey]) {
        eventColumns = view.eventColumns
        retention = view.longestWindowNanoseconds ?? 0
        let columns = eventColumns.map { "\($0.name) \($0.type)" }.joined(separator: ", ")
        onlineSchema = OnlineViewSchema(
            name: view.name, joinKeys: joinKeys.map { OnlineColumn(name: $0.name, type: $0.type) },
            features: [OnlineColumn(name: "events(\(columns); kept \(retention / 1_000_000_000)s)", type: .bytes)])
    }

    /// The name of the column holding the logs.
    public var columnName: String { onlineSchema.features[0].name }

    /// The declared types of the event columns.
    public var types: [ValueType] { eventColumns.map(\.type) }

    /// The earliest event time a log keeps when written at `now`: no read at `now` or later
    /// reaches further back.
    /// - Parameter now: the write time.
    /// - Returns: nanoseconds since the epoch.
    public func horizon(at now: Timestamp) -> Int64 {
        let (start, overflow) = now.nanosecondsSinceEpoch.subtractingReportingOverflow(retention)
        return overflow ? .min : start
    }
}
