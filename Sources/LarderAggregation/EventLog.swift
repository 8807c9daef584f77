public import LarderCore
public import LarderStores

/// The events of one entity key that aggregations read, in event-time order: the offline
/// store's rows of the key for a training set, the online store's value of the key for
/// serving. Events with equal event times keep the order of their creation times, then the
/// order in which they were stored.
public struct EventLog: Sendable, Hashable {
    /// Event times in nanoseconds, ascending.
    public private(set) var timestamps: [Int64]
    /// Creation times in nanoseconds, `Int64.min` for none, one per event.
    public private(set) var createdTimestamps: [Int64]
    /// One column per event column of the view, in the view's order.
    public private(set) var columns: [EventColumn]
    /// How many times the online log was rewritten; orders writes of the same key.
    public var generation: UInt64

    /// An empty log for events with the given column types.
    /// - Parameter types: the event columns' declared types, in the view's order.
    public init(types: [ValueType]) {
        timestamps = []
        createdTimestamps = []
        columns = types.map(EventColumn.init(type:))
        generation = 0
    }

    /// A log from its parts, which must already be in event order.
    init(timestamps: [Int64], createdTimestamps: [Int64], columns: [EventColumn], generation: UInt64) {
        self.timestamps = timestamps
        self.createdTimestamps = createdTimestamps
        self.columns = columns
        self.generation = generation
    }

    /// The number of events.
    public var count: Int { timestamps.count }

    /// Whether the log has no events.
    public var isEmpty: Bool { timestamps.isEmpty }

    /// Adds an event at the end; ``sorted()`` puts events back in order.
    /// - Parameter row: the event: its times and its event column values in the view's order.
    public mutating func append(_ row: StoredRow) {
        timestamps.append(row.eventTimestamp.nanosecondsSinceEpoch)
        createdTimestamps.append(row.createdTimestamp?.nanosecondsSinceEpoch ?? .min)
        for index in columns.indices { columns[index].append(row.features[index]) }
    }

    /// The log in event order: by event time, then creation time, then the order the events
    /// were added (a stable sort).
    /// - Returns: the sorted log.
    public func sorted() -> EventLog {
        var ordered = true
        for index in timestamps.indices.dropFirst()
        where (timestamps[index - 1], createdTimestamps[index - 1]) > (timestamps[index], createdTimestamps[index]) {
            ordered = false
            break
        }
        if ordered { return self }
        return reordered(
            by: timestamps.indices.sorted {
                (timestamps[$0], createdTimestamps[$0], $0) < (timestamps[$1], createdTimestamps[$1], $1)
            })
    }

    /// The events at the given positions, in that order.
    /// - Parameter positions: positions in this log.
    /// - Returns: a log of those events (not re-sorted).
    func reordered(by positions: [Int]) -> EventLog {
        EventLog(
            timestamps: positions.map { timestamps[$0] }, createdTimestamps: positions.map { createdTimestamps[$0] },
            columns: columns.map { $0.reordered(by: positions) }, generation: generation)
    }

    /// The events in a range of positions.
    /// - Parameter range: positions in this log.
    /// - Returns: a log of those events.
    func slice(_ range: Range<Int>) -> EventLog {
        EventLog(
            timestamps: Array(timestamps[range]), createdTimestamps: Array(createdTimestamps[range]),
            columns: columns.map { $0.slice(range) }, generation: generation)
    }

    /// This log with another's events merged in, after this log's events when fully tied.
    /// - Parameters:
    ///   - newer: the events to add, with the same columns.
    ///   - replacing: an event-time range (both ends included) whose events in this log are
    ///     dropped first, because `newer` holds that range in full (a materialization).
    ///   - horizon: events before this time (nanoseconds) are dropped: no window reaches them.
    /// - Returns: the merged log, one generation later.
    public func merging(_ newer: EventLog, replacing: ClosedRange<Int64>?, droppingBefore horizon: Int64) -> EventLog {
        if isEmpty, newer.timestamps.first.map({ $0 >= horizon }) ?? true {
            var merged = newer
            merged.generation = generation &+ 1
            return merged
        }
        let kept = timestamps.indices.filter { index in
            timestamps[index] >= horizon && !(replacing?.contains(timestamps[index]) ?? false)
        }
        let added = newer.timestamps.indices.filter { newer.timestamps[$0] >= horizon }
        let merged = EventLog(
            timestamps: kept.map { timestamps[$0] } + added.map { newer.timestamps[$0] },
            createdTimestamps: kept.map { createdTimestamps[$0] } + added.map { newer.createdTimestamps[$0] },
            columns: zip(columns, newer.columns).map { $0.reordered(by: kept).appending($1.reordered(by: added)) },
            generation: generation &+ 1
        ).sorted()
        return merged
    }

    /// The position of the first event at or after a time (binary search).
    /// - Parameter time: nanoseconds since the epoch.
    /// - Returns: a position in `0...count`.
    public func firstIndex(atOrAfter time: Int64) -> Int {
        var low = 0
        var high = timestamps.count
        while low < high {
            let middle = (low + high) / 2
            if timestamps[middle] < time { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
