import LarderAggregation
import LarderCore
import LarderStores
import Synchronization

/// Serializes merges into aggregation views' online event logs within one process; the
/// lock file next to the registry serializes them between processes.
let eventLogMerges = Mutex<Void>(())

extension FeatureStore {
    /// Merges events into an aggregation view's online logs while holding the event-log lock,
    /// so a push and a materialization never drop each other's events.
    /// - Parameters:
    ///   - events: the view's source rows.
    ///   - view: the aggregation view.
    ///   - manifest: the definitions it belongs to.
    ///   - replacing: the event-time range the events cover in full (materialization), or
    ///     `nil` to add them (push).
    ///   - now: the write time; events no window reaches at `now` are dropped.
    ///   - progress: called as logs are stored.
    /// - Returns: what the online store did (one row per key).
    /// - Throws: ``OnlineStoreError``; ``RegistryError`` when the lock cannot be taken.
    func writeEventLogs(
        _ events: [StoredRow], view: FeatureView, manifest: Manifest, replacing: ClosedRange<Timestamp>?,
        now: Timestamp, progress: (OnlineWriteProgress) -> Void = { _ in }
    ) throws -> OnlineWriteReport {
        var groups = EventGroups(types: try manifest.eventLogLayout(for: view).types)
        for event in events { groups.add(event) }
        return try writeEventLogs(
            groups, view: view, manifest: manifest, replacing: replacing, now: now, progress: progress)
    }

    /// Merges events grouped by key into an aggregation view's online logs; see
    /// ``writeEventLogs(_:view:manifest:replacing:now:progress:)-([StoredRow],_,_,_,_,_)``.
    func writeEventLogs(
        _ groups: EventGroups, view: FeatureView, manifest: Manifest, replacing: ClosedRange<Timestamp>?,
        now: Timestamp, progress: (OnlineWriteProgress) -> Void = { _ in }
    ) throws -> OnlineWriteReport {
        let writer = EventLogWriter(store: try onlineStore(), layout: try manifest.eventLogLayout(for: view))
        return try eventLogMerges.withLock { _ in
            try FileLock.withLock(at: registryFile.path + ".event-logs.lock") {
                try writer.write(groups, replacing: replacing, now: now, progress: progress)
            }
        }
    }
}
