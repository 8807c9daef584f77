public import LarderCore
public import LarderStores

/// Where pushed rows go.
public enum PushTarget: String, Sendable, Hashable, CaseIterable {
    /// The online store only.
    case online
    /// The offline store only.
    case offline
    /// Both stores.
    case onlineAndOffline = "online_and_offline"

    var includesOnline: Bool { self != .offline }
    var includesOffline: Bool { self != .online }
}

/// What a push did for one feature view.
public struct PushReport: Sendable, Hashable {
    /// The feature view that received the rows.
    public var view: String
    /// The rows pushed.
    public var rows: Int
    /// What the online store did, when the rows went online.
    public var online: OnlineWriteReport?
    /// The rows appended to the offline store (0 when they did not go offline).
    public var offlineRows: Int
    /// The expectations the rows broke under the view's `warn` policy (they were written).
    public var expectationViolations: [ExpectationViolation] = []
}

extension FeatureStore {
    /// Writes rows for a push source to every feature view that reads from it, online
    /// (newer-wins per entity key), offline (appended after the stored rows), or both.
    ///
    /// Every view's rows are converted and checked, against the view's expectations too,
    /// before anything is written, so a bad column or a refused batch leaves both stores
    /// unchanged.
    /// - Parameters:
    ///   - source: the push source's name.
    ///   - columns: the rows, column by column, named as in the source file or the definitions.
    ///   - target: the stores to write.
    ///   - now: the write time: an aggregation view keeps the events its windows reach from
    ///     `now` on.
    /// - Returns: one report per feature view.
    /// - Throws: ``PushError`` (`unknownSource`) for an unknown push source or one no view
    ///   reads from, (`invalidColumns`) naming a missing, short or mistyped column;
    ///   ``ExpectationError`` when the rows break an expectation of a view whose policy is
    ///   `reject` (nothing is written); store errors.
    @discardableResult
    public func push(
        source: String, columns: PushColumns, to target: PushTarget, now: Timestamp = .now
    ) throws -> [PushReport] {
        let manifest = try currentRegistry().manifest
        guard case .push(let pushSource)? = manifest.source(named: source) else {
            let known = manifest.sources.compactMap { source -> String? in
                if case .push(let push) = source { return push.name }
                return nil
            }
            throw PushError(
                .unknownSource,
                "push source '\(source)' is not defined (known: \(known.isEmpty ? "none" : known.joined(separator: ", ")))"
            )
        }
        let views = manifest.featureViews.filter { $0.source == pushSource.name }
        guard !views.isEmpty else {
            throw PushError(.unknownSource, "no feature view reads from push source '\(source)'")
        }
        let prepared = try views.map { view in
            (
                view,
                try columns.rows(of: view, joinKeys: try manifest.joinKeys(of: view), source: pushSource.batchSource)
            )
        }
        let warnings = try prepared.map { view, rows in
            try checkExpectations(ofPushed: rows, view: view, manifest: manifest, columns: columns)
        }
        return try zip(prepared, warnings).map { prepared, warnings in
            let (view, rows) = prepared
            var report = PushReport(
                view: view.name, rows: rows.count, online: nil, offlineRows: 0, expectationViolations: warnings)
            if target.includesOnline {
                report.online = try writeOnline(rows, view: view, manifest: manifest, now: now)
            }
            if target.includesOffline {
                let table = try offlineTable(for: view, in: manifest)
                report.offlineRows = try stores.withPushOffline { try $0.append(table: table, rows: rows) }
            }
            logger.debug(
                "pushed rows",
                metadata: [
                    "feature_view.name": "\(view.name)", "rows.count": "\(rows.count)", "push.to": "\(target.rawValue)",
                ])
            return report
        }
    }

    /// Writes rows to one feature view in the online store, newer-wins per entity key (what
    /// Feast's remote online store sends to `/write-to-online-store`).
    /// - Parameters:
    ///   - view: the feature view's name.
    ///   - columns: the rows, with join keys, features, `event_timestamp` (or the source's
    ///     timestamp column) and optionally `created`.
    ///   - now: the write time, for an aggregation view's events.
    /// - Returns: what the online store did.
    /// - Throws: ``PushError`` (`unknownView`, `invalidColumns`); store errors.
    @discardableResult
    public func writeToOnlineStore(
        view name: String, columns: PushColumns, now: Timestamp = .now
    ) throws -> OnlineWriteReport {
        let manifest = try currentRegistry().manifest
        guard let view = manifest.featureView(named: name) else {
            throw PushError(
                .unknownView,
                "feature view '\(name)' is not defined (known: \(manifest.featureViews.map(\.name).joined(separator: ", ")))"
            )
        }
        let rows = try columns.rows(
            of: view, joinKeys: try manifest.joinKeys(of: view), source: try manifest.sourceFile(of: view))
        try checkExpectations(ofPushed: rows, view: view, manifest: manifest, columns: columns)
        return try writeOnline(rows, view: view, manifest: manifest, now: now)
    }

    /// Writes rows online: newer-wins for a view of stored features; events added to the
    /// logs of an aggregation view.
    private func writeOnline(
        _ rows: [StoredRow], view: FeatureView, manifest: Manifest, now: Timestamp
    ) throws -> OnlineWriteReport {
        if view.isAggregation {
            return try writeEventLogs(rows, view: view, manifest: manifest, replacing: nil, now: now)
        }
        return try onlineStore().write(view: try manifest.onlineSchema(for: view), rows: rows)
    }
}
