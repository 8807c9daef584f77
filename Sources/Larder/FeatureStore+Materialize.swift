public import LarderCore
public import LarderStores
import LarderAggregation

/// What `materialize` did for one feature view.
public struct MaterializeReport: Sendable, Hashable {
    /// The view.
    public var view: String
    /// The event-time window copied (both ends included).
    public var start: Timestamp
    /// The end of the window.
    public var end: Timestamp
    /// Keys whose winner was read from the offline store.
    public var keysRead: Int
    /// What the online store did with them.
    public var write: OnlineWriteReport
    /// How long the view took, ingestion included.
    public var elapsed: Duration
}

extension FeatureStore {
    /// Copies, for each online view, the latest row per entity key among rows with
    /// `start <= event time <= end` to the online store, unless the stored row is newer.
    /// Sources that changed are ingested first. Each view commits atomically: readers see
    /// its old values or its new ones, never a mix.
    /// - Parameters:
    ///   - start: the earliest event time included.
    ///   - end: the latest event time included.
    ///   - names: the views; `nil` for every online view.
    ///   - now: the time aggregation views' logs are written at: events that no window
    ///     reaches at `now` are not kept.
    ///   - progress: called as each view's rows are read and stored.
    /// - Returns: one report per view.
    /// - Throws: ``MaterializeWindowError`` when `start` is after `end`; ``DefinitionError``
    ///   for an unknown view; store errors.
    @discardableResult
    public func materialize(
        start: Timestamp, end: Timestamp, views names: [String]? = nil, now: Timestamp = .now,
        progress: @escaping (OnlineWriteProgress) -> Void = { _ in }
    ) throws -> [MaterializeReport] {
        guard start <= end else { throw MaterializeWindowError(view: nil, start: start, end: end) }
        return try materialize(views: names, end: end, now: now, progress: progress) { _ in start }
    }

    /// Materializes each online view from where its last run ended (or, on the first run,
    /// from its TTL before `end`, an aggregation view's longest window; from the beginning
    /// when it has neither) up to `end`.
    /// - Parameters:
    ///   - end: the latest event time included.
    ///   - names: the views; `nil` for every online view.
    ///   - now: the time aggregation views' logs are written at.
    ///   - progress: called as each view's rows are read and stored.
    /// - Returns: one report per view.
    /// - Throws: ``MaterializeWindowError`` when `end` is before where a view's last run
    ///   ended (nothing is written); ``DefinitionError`` for an unknown view; store errors.
    @discardableResult
    public func materializeIncremental(
        end: Timestamp, views names: [String]? = nil, now: Timestamp = .now,
        progress: @escaping (OnlineWriteProgress) -> Void = { _ in }
    ) throws -> [MaterializeReport] {
        let registry = try registry()
        return try materialize(views: names, end: end, now: now, progress: progress) { view in
            registry.lastMaterializedEnd(of: view.name)
                ?? view.ttl.map { end - $0 }
                ?? view.longestWindowNanoseconds.map { end - .nanoseconds($0) }
                ?? Timestamp(nanosecondsSinceEpoch: .min)
        }
    }

    private func materialize(
        views names: [String]?, end: Timestamp, now: Timestamp, progress: @escaping (OnlineWriteProgress) -> Void,
        start: (FeatureView) -> Timestamp
    ) throws -> [MaterializeReport] {
        let manifest = try registry().manifest
        let views = try manifest.views(named: names).filter(\.online)
        for view in views where start(view) > end {
            throw MaterializeWindowError(view: view.name, start: start(view), end: end)
        }
        let offline = try openOfflineStore()
        let online = try onlineStore()
        var reports: [MaterializeReport] = []
        for view in views {
            let clock = ContinuousClock()
            let began = clock.now
            try ingest([view], manifest: manifest, into: offline)
            guard try offline.ingestedTable(named: view.name) != nil else { continue }
            let from = start(view)
            let table = try offlineTable(for: view, in: manifest)
            let written: OnlineWriteReport
            let keysRead: Int
            var newestEvent: Timestamp?
            if view.isAggregation {
                // Events go straight into per-key groups: no row is kept.
                var groups = EventGroups(types: try manifest.eventLogLayout(for: view).types)
                try offline.scanEvents(table: table, start: from, end: end) { row in
                    newestEvent = max(newestEvent ?? row.eventTimestamp, row.eventTimestamp)
                    groups.add(row)
                }
                keysRead = groups.keys.count
                written = try writeEventLogs(
                    groups, view: view, manifest: manifest, replacing: from...end, now: now, progress: progress)
            } else {
                var rows: [StoredRow] = []
                try offline.latestRows(table: table, start: from, end: end) { rows.append($0) }
                keysRead = rows.count
                newestEvent = rows.lazy.map(\.eventTimestamp).max()
                written = try online.write(view: try manifest.onlineSchema(for: view), rows: rows, progress: progress)
            }
            try recordMaterialization(of: view.name, start: from, end: end, newestEvent: newestEvent)
            reports.append(
                MaterializeReport(
                    view: view.name, start: from, end: end, keysRead: keysRead, write: written,
                    elapsed: clock.now - began))
            logger.info(
                "materialized feature view",
                metadata: ["feature_view.name": "\(view.name)", "keys.count": "\(written.keysWritten)"])
        }
        return reports
    }

    /// Remembers a materialized interval in the registry, for `materialize-incremental`.
    private func recordMaterialization(
        of view: String, start: Timestamp, end: Timestamp, newestEvent: Timestamp?
    ) throws {
        try registryStore.update { registry in
            registry.materializations[view, default: []].append(
                MaterializedInterval(start: start, end: end, completedAt: .now, newestEvent: newestEvent))
        }
    }
}
