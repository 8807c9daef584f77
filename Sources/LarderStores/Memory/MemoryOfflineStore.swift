public import LarderCore
public import LarderFormats
import Synchronization

/// An offline store that keeps rows in the process: the reference implementation of
/// ``OfflineStore``, for tests and trials (`offline_store: {type: memory}`). Its point-in-time
/// join is the plain reading of the rules (for each entity row, every candidate row of the
/// key is looked at), so it also serves as the brute-force reference the embedded store is
/// checked against. Rows are gone when the store is.
///
/// Changes to a view (ingestion, appends) are built aside and swapped in under a lock, so a
/// failed one leaves the view's previous rows in place.
public final class MemoryOfflineStore: OfflineStore, Sendable {
    /// One view's rows, in the order they were stored (the last wins a full tie).
    struct StoredTable: Sendable {
        var table: OfflineTable
        var rows: [StoredRow]
        var sourceRowCount: Int
        var fingerprint: SourceFingerprint
        var ingestedAt: Timestamp
    }

    let tables = Mutex<[String: StoredTable]>([:])
    /// The served-feature log, in the order it was appended.
    let featureLog = Mutex<[FeatureLogRecord]>([])
    private let openSource: SourceOpener

    /// An empty store.
    /// - Parameter openSource: opens source files for ingestion (Larder's CSV and Parquet
    ///   readers in the facade).
    public init(openSource: @escaping SourceOpener) {
        self.openSource = openSource
    }

    /// Loads a view's source when it changed; see ``OfflineStore/ingest(_:force:progress:)``.
    /// - Parameters:
    ///   - table: the feature view's description.
    ///   - force: reload even when nothing changed.
    ///   - progress: called after each batch.
    /// - Returns: what was done.
    /// - Throws: ``OfflineStoreError`` naming the file, row and column; reader errors.
    @discardableResult
    public func ingest(_ table: OfflineTable, force: Bool, progress: ((IngestProgress) -> Void)?) throws -> IngestReport
    {
        try table.validate()
        let clock = ContinuousClock()
        let start = clock.now
        let existing = tables.withLock { $0[table.name] }
        var fingerprint = try SourceFingerprint.attributes(of: table.sourcePath)
        if !force, let existing, existing.table.sameStoredColumns(as: table) {
            let upToDate = IngestReport(
                view: table.name, outcome: .upToDate, rowCount: existing.rows.count, elapsed: clock.now - start)
            if existing.fingerprint.hasSameAttributes(as: fingerprint) { return upToDate }
            fingerprint = try SourceFingerprint.of(table.sourcePath)
            if fingerprint.size == existing.fingerprint.size,
                fingerprint.contentHash == existing.fingerprint.contentHash
            {
                // Touched but not changed: remember the new time so the next check is cheap.
                tables.withLock { $0[table.name]?.fingerprint = fingerprint }
                return upToDate
            }
        }
        if fingerprint.contentHash.isEmpty { fingerprint = try SourceFingerprint.of(table.sourcePath) }
        var rows = try load(table) { rowsDone in
            let seconds = (clock.now - start).secondsDouble
            progress?(
                IngestProgress(
                    view: table.name, rowsDone: rowsDone, rowsPerSecond: seconds > 0 ? Double(rowsDone) / seconds : 0,
                    estimatedTotalRows: nil))
        }
        guard try SourceFingerprint.attributes(of: table.sourcePath).hasSameAttributes(as: fingerprint) else {
            throw OfflineStoreError(
                .invalidSource, "\(table.sourcePath): the file changed while it was being ingested; ingest it again")
        }
        let sourceRowCount = rows.count
        // Appended rows stay, after the file's, while the keys are the same; features the
        // view no longer has are dropped and new ones are null.
        let kept = existing.map { $0.appendedRows(for: table) } ?? []
        rows += kept
        tables.withLock {
            $0[table.name] = StoredTable(
                table: table, rows: rows, sourceRowCount: sourceRowCount, fingerprint: fingerprint, ingestedAt: .now)
        }
        return IngestReport(
            view: table.name, outcome: .ingested, rowCount: rows.count, keptAppendedRows: kept.count,
            elapsed: clock.now - start)
    }

    /// Reads a source file's rows, checking every column and row.
    private func load(_ table: OfflineTable, progress: (Int) -> Void) throws -> [StoredRow] {
        let reader = ExpectationCheckedReader.wrapping(
            try openSource(table.sourcePath, table.format, table.declaredSourceTypes), for: table)
        let plan = try SourceColumnPlan(table: table, schema: reader.schema, path: reader.path)
        let keyCount = table.joinKeys.count
        var rows: [StoredRow] = []
        try reader.forEachBatch(columns: plan.sourceColumns) { batch in
            let columns = try plan.targets.map { target in
                target.sourceColumn.isEmpty ? nil : try plan.column(for: target, in: batch)
            }
            for row in 0..<batch.rowCount {
                let values = try plan.targets.indices.map { index -> Value in
                    let target = plan.targets[index]
                    let value = columns[index]?.value(at: row) ?? .null
                    if value.isNull, target.required {
                        throw plan.rowError(rows.count, target, "the \(target.role) is null")
                    }
                    guard let converted = value.coerced(to: target.declared) else {
                        throw plan.rowError(
                            rows.count, target, "\(value.briefDescription) does not fit \(target.declared)")
                    }
                    return converted
                }
                guard case .timestamp(let event) = values[keyCount] else { continue }
                var created: Timestamp?
                if case .timestamp(let time) = values[keyCount + 1] { created = time }
                rows.append(
                    StoredRow(
                        joinKeys: Array(values[..<keyCount]), eventTimestamp: event, createdTimestamp: created,
                        features: Array(values[(keyCount + 2)...])))
            }
            progress(rows.count)
        }
        return rows
    }

    /// Adds rows after the view's rows; see ``OfflineStore/append(table:rows:)``.
    /// - Parameters:
    ///   - table: the feature view's description.
    ///   - rows: the rows.
    /// - Returns: the number of rows appended.
    /// - Throws: ``OfflineStoreError`` (`outOfDate`, `invalidRequest`).
    @discardableResult
    public func append(table: OfflineTable, rows: [StoredRow]) throws -> Int {
        try table.validate()
        try table.check(rows)
        guard !rows.isEmpty else { return 0 }
        let stored = rows.map { row in
            var row = row
            row.joinKeys = zip(row.joinKeys, table.joinKeys).map { $0.coerced(to: $1.type) ?? $0 }
            row.features = zip(row.features, table.features).map { $0.coerced(to: $1.type) ?? $0 }
            return row
        }
        try tables.withLock { tables in
            if let existing = tables[table.name] {
                try existing.checkCurrent(table)
                tables[table.name]?.rows += stored
            } else {
                tables[table.name] = StoredTable(
                    table: table, rows: stored, sourceRowCount: 0,
                    fingerprint: SourceFingerprint(size: -1, modifiedNanoseconds: 0, contentHash: ""), ingestedAt: .now)
            }
        }
        return rows.count
    }

    /// Streams the winner per key in a window; see ``OfflineStore/latestRows(table:start:end:_:)``.
    /// - Parameters:
    ///   - table: the feature view's description.
    ///   - start: the earliest event time included.
    ///   - end: the latest event time included.
    ///   - body: called once per key.
    /// - Returns: the number of rows passed to `body`.
    /// - Throws: ``OfflineStoreError`` (`notFound`, `outOfDate`); whatever `body` throws.
    @discardableResult
    public func latestRows(
        table: OfflineTable, start: Timestamp, end: Timestamp, _ body: (StoredRow) throws -> Void
    ) throws -> Int {
        let stored = try current(table)
        var winners: [[Value]: StoredRow] = [:]
        var order: [[Value]] = []
        for row in stored.rows where row.eventTimestamp >= start && row.eventTimestamp <= end {
            guard let held = winners[row.joinKeys] else {
                winners[row.joinKeys] = row
                order.append(row.joinKeys)
                continue
            }
            // Rows are in storage order: a later row wins a full tie.
            if row.recency >= held.recency { winners[row.joinKeys] = row }
        }
        for key in order { try body(winners[key]!) }
        return order.count
    }

    /// Streams a view's rows in stored order; see
    /// ``OfflineStore/scanRows(table:start:end:_:)``.
    /// - Parameters:
    ///   - table: the feature view's description.
    ///   - start: the earliest event time included.
    ///   - end: the latest event time included.
    ///   - body: called once per row.
    /// - Returns: the number of rows passed to `body`.
    /// - Throws: ``OfflineStoreError``; whatever `body` throws.
    @discardableResult
    public func scanRows(
        table: OfflineTable, start: Timestamp, end: Timestamp, _ body: (StoredRow) throws -> Void
    ) throws -> Int {
        var emitted = 0
        for row in try current(table).rows where row.eventTimestamp >= start && row.eventTimestamp <= end {
            try body(row)
            emitted += 1
        }
        return emitted
    }

    /// Builds a training set; see ``OfflineStore/pointInTimeJoin(entities:timestampColumn:requests:output:)``.
    /// - Parameters:
    ///   - entities: the entity rows.
    ///   - timestampColumn: their timestamp column.
    ///   - requests: the views and features, in output order.
    ///   - output: opens the output.
    /// - Returns: row counts and the time taken.
    /// - Throws: ``OfflineStoreError``; reader and writer errors.
    @discardableResult
    public func pointInTimeJoin(
        entities: any TableReader, timestampColumn: String, requests: [FeatureRequest],
        output: (TableSchema) throws -> any TableWriter
    ) throws -> JoinReport {
        let clock = ContinuousClock()
        let start = clock.now
        let views = try requests.map { try current($0.table) }
        let schema = try JoinOutputSchema.make(
            entities: entities.schema, file: entities.path, timestampColumn: timestampColumn,
            views: zip(requests, views).map {
                JoinOutputSchema.StoredView(request: $0, joinKeys: $1.table.joinKeys, features: $1.table.features)
            })
        let lookups = zip(requests, views).map { PointInTimeCandidates(request: $0, stored: $1) }
        let writer = try output(schema)
        var entityRows = 0
        var matched: [String: Int] = [:]
        try entities.forEachBatch(columns: nil) { batch in
            guard let times = batch.column(named: timestampColumn) else {
                throw OfflineStoreError(
                    .invalidRequest, "\(entities.path): the reader returned no column '\(timestampColumn)'")
            }
            var features: [Column] = []
            for lookup in lookups {
                let keys = lookup.joinKeys.map { batch.column(named: $0.name) }
                var builders = lookup.outputs.map { FeatureColumnBuilder(name: $0.name, type: $0.type) }
                for row in 0..<batch.rowCount {
                    let winner: StoredRow?
                    if case .timestamp(let time) = times.value(at: row) {
                        winner = lookup.winner(key: keys.map { $0?.value(at: row) ?? .null }, at: time)
                    } else {
                        winner = nil
                    }
                    if winner != nil { matched[lookup.view, default: 0] += 1 }
                    for (index, position) in lookup.positions.enumerated() {
                        if let winner {
                            builders[index].append(winner.features[position])
                        } else {
                            builders[index].appendNull()
                        }
                    }
                }
                features += builders.indices.map { builders[$0].build() }
            }
            try writer.write(ColumnBatch(columns: batch.columns + features, rowCount: batch.rowCount))
            entityRows += batch.rowCount
        }
        try writer.close()
        return JoinReport(entityRows: entityRows, matchedRows: matched, elapsed: clock.now - start)
    }

    /// The views held, ordered by name.
    /// - Returns: one description per view.
    public func ingestedTables() throws -> [IngestedTable] {
        tables.withLock { $0.values.map(\.description) }.sorted { $0.name < $1.name }
    }

    /// What is held for one view.
    /// - Parameter name: the view's name.
    /// - Returns: the description, or `nil`.
    public func ingestedTable(named name: String) throws -> IngestedTable? {
        tables.withLock { $0[name]?.description }
    }

    /// Removes a view's rows.
    /// - Parameter name: the view's name.
    /// - Returns: `true` when the view was held.
    @discardableResult
    public func drop(table name: String) throws -> Bool {
        tables.withLock { $0.removeValue(forKey: name) != nil }
    }

    /// A view's rows, checked against the definition being queried.
    private func current(_ table: OfflineTable) throws -> StoredTable {
        guard let stored = tables.withLock({ $0[table.name] }) else {
            throw OfflineStoreError(
                .notFound, "feature view '\(table.name)' is not in the offline store; ingest it first")
        }
        try stored.checkCurrent(table)
        var current = stored
        current.table.ttl = table.ttl
        return current
    }
}

extension MemoryOfflineStore.StoredTable {
    /// The description ``OfflineStore/ingestedTable(named:)`` gives.
    var description: IngestedTable {
        IngestedTable(
            name: table.name, sourcePath: table.sourcePath, format: table.format, sourceSize: fingerprint.size,
            sourceHash: fingerprint.contentHash, rowCount: rows.count, appendedRowCount: rows.count - sourceRowCount,
            ingestedAt: ingestedAt, columns: table.joinKeys + table.features)
    }

    /// Throws when the rows were stored for another definition of the view.
    func checkCurrent(_ definition: OfflineTable) throws {
        guard table.sameStoredColumns(as: definition) else {
            throw OfflineStoreError(
                .outOfDate,
                "feature view '\(definition.name)' was ingested from another definition (source, keys or features changed); ingest it again"
            )
        }
    }

    /// The appended rows to keep for a new definition: all of them, with features matched
    /// by name, when the join keys are unchanged; none otherwise.
    func appendedRows(for definition: OfflineTable) -> [StoredRow] {
        guard table.joinKeys.map({ [$0.name, "\($0.type)"] }) == definition.joinKeys.map({ [$0.name, "\($0.type)"] })
        else {
            return []
        }
        let positions = definition.features.map { feature in table.features.firstIndex { $0.name == feature.name } }
        return rows[sourceRowCount...].map { row in
            var kept = row
            kept.features = zip(positions, definition.features).map { position, feature in
                position.flatMap { row.features[$0].coerced(to: feature.type) } ?? .null
            }
            return kept
        }
    }
}

extension OfflineTable {
    /// Whether rows stored for one description can be read with another: everything but the
    /// TTL is the same.
    func sameStoredColumns(as other: OfflineTable) -> Bool {
        var other = other
        other.ttl = ttl
        return self == other
    }
}
