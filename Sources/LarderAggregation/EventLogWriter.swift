public import LarderCore
public import LarderStores

/// Adds events to the event logs an aggregation view keeps in the online store: reads the
/// logs of the keys concerned, merges the events in, drops events no window reaches any
/// more, and writes the logs back in one atomic store write.
///
/// Two writers must not merge into the same view at once (each would drop the other's
/// events); the caller holds a lock around ``write(_:replacing:now:progress:)``.
public struct EventLogWriter {
    private let store: any OnlineStore
    private let layout: EventLogLayout

    /// A writer for one view's logs.
    /// - Parameters:
    ///   - store: the online store.
    ///   - layout: the view's layout.
    public init(store: any OnlineStore, layout: EventLogLayout) {
        self.store = store
        self.layout = layout
    }

    /// Merges events, grouped by key, into the logs of their keys.
    /// - Parameters:
    ///   - groups: the events of the view's source (join keys, times, event column values in
    ///     the view's order), by key.
    ///   - replacing: an event-time range the events cover in full (a materialization):
    ///     logged events in it are replaced, so running it again changes nothing; `nil` to
    ///     add the events (a push).
    ///   - now: the write time; events before `now` minus the longest window are dropped.
    ///   - progress: called as logs are stored.
    /// - Returns: what the store did with the logs.
    /// - Throws: ``OnlineStoreError``; nothing is written then.
    @discardableResult
    public func write(
        _ groups: EventGroups, replacing: ClosedRange<Timestamp>?, now: Timestamp,
        progress: (OnlineWriteProgress) -> Void = { _ in }
    ) throws -> OnlineWriteReport {
        let keys = groups.keys
        let added = groups.logs()
        let schema = layout.onlineSchema
        let read = try store.prepareRead(view: schema, features: [layout.columnName])
        let stored = try read.read(
            entityColumns: schema.joinKeys.indices.map { column in keys.map { $0[column] } }, now: now)
        let range = replacing.map { $0.lowerBound.nanosecondsSinceEpoch...$0.upperBound.nanosecondsSinceEpoch }
        let horizon = layout.horizon(at: now)
        var rows: [StoredRow] = []
        rows.reserveCapacity(keys.count)
        for (row, key) in keys.enumerated() {
            var previous = EventLog(types: layout.types)
            if case .bytes(let bytes) = stored.value(row: row, feature: 0),
                let decoded = EventLogCodec.decode(bytes, types: layout.types)
            {
                previous = decoded
            }
            let merged = previous.merging(added[row], replacing: range, droppingBefore: horizon)
            let previousTime = stored.eventTimestamps[row]?.nanosecondsSinceEpoch ?? .min
            let newestTime = max(previousTime, merged.timestamps.last ?? .min)
            if newestTime == .min { continue }
            rows.append(
                StoredRow(
                    joinKeys: key, eventTimestamp: Timestamp(nanosecondsSinceEpoch: newestTime),
                    createdTimestamp: Timestamp(nanosecondsSinceEpoch: Int64(truncatingIfNeeded: merged.generation)),
                    features: [.bytes(EventLogCodec.encode(merged))]))
        }
        return try store.write(view: schema, rows: rows, progress: progress)
    }
}
