internal import LarderCore
internal import LarderFormats
internal import NIOCore
public import LarderStores

extension PostgresOfflineStore {
    /// Ingests a feature view's source file, when it changed since the last ingestion.
    ///
    /// The same change detection as the SQLite store: the source is read again only when its
    /// size or modification time changed and its content hash differs, when the view's stored
    /// definition changed, or with `force`. The file's rows are sent with `COPY` into a new
    /// data table; the rows appended since the last ingestion are copied after them; the
    /// index is built, the old table dropped and the catalog updated, all in one transaction.
    /// Until it commits, and whenever ingestion fails (a bad row, the server refusing a
    /// value, the process killed and its connection gone), every reader sees the previous rows.
    /// - Parameters:
    ///   - table: the feature view's description.
    ///   - force: reload even when the source did not change.
    ///   - progress: called after each batch of rows.
    /// - Returns: what was done, with the row count and the time it took.
    /// - Throws: ``OfflineStoreError`` naming the view, file, row and column; the reader's
    ///   `FormatError`; ``PostgresStoreError`` when the server refuses.
    @discardableResult
    public func ingest(
        _ table: OfflineTable, force: Bool = false, progress: ((IngestProgress) -> Void)? = nil
    ) throws -> IngestReport {
        try table.validate()
        try PostgresTableLayout.checkNames(of: table)
        let clock = ContinuousClock()
        let start = clock.now
        let definition = StoredDefinition(table)
        let existing = try catalog.entry(for: table.name)
        var fingerprint = try SourceFingerprint.attributes(of: table.sourcePath)
        if !force, var existing, try existing.definition() == definition {
            if existing.fingerprint.hasSameAttributes(as: fingerprint) {
                return IngestReport(
                    view: table.name, outcome: .upToDate, rowCount: existing.rowCount, elapsed: clock.now - start)
            }
            fingerprint = try SourceFingerprint.of(table.sourcePath)
            if fingerprint.size == existing.fingerprint.size,
                fingerprint.contentHash == existing.fingerprint.contentHash
            {
                // Touched but not changed: remember the new time so the next check is cheap.
                existing.fingerprint = fingerprint
                try catalog.save(existing)
                return IngestReport(
                    view: table.name, outcome: .upToDate, rowCount: existing.rowCount, elapsed: clock.now - start)
            }
        }
        if fingerprint.contentHash.isEmpty {
            fingerprint = try SourceFingerprint.of(table.sourcePath)
        }
        let estimate = existing.flatMap { previous in
            previous.fingerprint.size > 0
                ? Int(Double(previous.rowCount) * Double(fingerprint.size) / Double(previous.fingerprint.size)) : nil
        }
        logger.info(
            "ingesting feature view",
            metadata: ["feature_view.name": "\(table.name)", "source.path": "\(table.sourcePath)"])
        let (rowCount, kept) = try loadReplacingRows(
            of: table, layout: .new(for: table.name, definition: definition), fingerprint: fingerprint
        ) { rowsDone in
            let seconds = (clock.now - start).secondsDouble
            progress?(
                IngestProgress(
                    view: table.name, rowsDone: rowsDone, rowsPerSecond: seconds > 0 ? Double(rowsDone) / seconds : 0,
                    estimatedTotalRows: estimate))
        }
        let report = IngestReport(
            view: table.name, outcome: .ingested, rowCount: rowCount, keptAppendedRows: kept, elapsed: clock.now - start
        )
        logger.info(
            "ingested feature view",
            metadata: [
                "feature_view.name": "\(table.name)", "rows.count": "\(rowCount)",
                "rows.per_second": "\(Int(report.rowsPerSecond))",
            ])
        return report
    }

    /// Loads the source into a new data table and swaps it in, in one transaction.
    /// - Returns: the rows stored, and how many of them were appended rows kept.
    private func loadReplacingRows(
        of table: OfflineTable, layout: PostgresTableLayout, fingerprint: SourceFingerprint, progress: (Int) -> Void
    ) throws -> (rows: Int, kept: Int) {
        let reader = ExpectationCheckedReader.wrapping(
            try openSource(table.sourcePath, table.format, table.declaredSourceTypes), for: table)
        let encoder = try SourceRowEncoder(table: table, schema: reader.schema, path: reader.path)
        return try session.transaction {
            try catalog.lock(table.name)
            // Read again under the lock: an append may have committed since.
            let existing = try catalog.entry(for: table.name)
            try session.execute(layout.createTableSQL)
            // One batch is sent while the next is read and encoded.
            var rowCount = 0
            var sending: (copy: EventLoopFuture<Void>, rows: Int)?
            do {
                try reader.forEachBatch(columns: encoder.sourceColumns) { batch in
                    var writer = CopyTextWriter(capacity: batch.rowCount * 64)
                    try encoder.encode(batch, firstRow: rowCount, into: &writer)
                    rowCount += batch.rowCount
                    if let sent = sending {
                        sending = nil
                        try session.finish(sent.copy)
                        progress(sent.rows)
                    }
                    sending = (session.startCopy(writer.buffer, into: layout.table), rowCount)
                }
            } catch {
                // The transaction is rolled back after the batch in flight has been answered.
                if let sent = sending { _ = try? session.finish(sent.copy) }
                throw error
            }
            if let sent = sending {
                try session.finish(sent.copy)
                progress(sent.rows)
            }
            guard try SourceFingerprint.attributes(of: table.sourcePath).hasSameAttributes(as: fingerprint) else {
                throw OfflineStoreError(
                    .invalidSource, "\(table.sourcePath): the file changed while it was being ingested; ingest it again"
                )
            }
            let kept = try existing.map { try carryAppendedRows(of: $0, into: layout, after: rowCount) } ?? 0
            try session.execute(layout.createIndexSQL)
            try session.execute("ANALYZE \(layout.quotedTable)")
            if let existing {
                try session.execute("DROP TABLE IF EXISTS \(existing.dataTable.quotedPostgresIdentifier)")
            }
            try catalog.save(
                PostgresCatalogEntry(
                    view: table.name, dataTable: layout.table, definitionJSON: try layout.definition.json(),
                    fingerprint: fingerprint, rowCount: rowCount + kept, sourceRowCount: rowCount, ingestedAt: .now))
            return (rowCount + kept, kept)
        }
    }

    /// Copies a view's appended rows from its current data table into the new one, after the
    /// file's rows, when the join keys are unchanged (otherwise they are dropped, with a warning).
    /// - Returns: the number of rows copied.
    private func carryAppendedRows(
        of existing: PostgresCatalogEntry, into layout: PostgresTableLayout, after sourceRows: Int
    ) throws -> Int {
        let appended = existing.rowCount - existing.sourceRowCount
        guard appended > 0 else { return 0 }
        let old = try existing.layout()
        let keys = { (definition: StoredDefinition) in definition.joinKeys.map { "\($0.name) \($0.type)" } }
        guard keys(old.definition) == keys(layout.definition) else {
            logger.warning(
                "dropping appended rows: the view's join keys changed",
                metadata: ["feature_view.name": "\(existing.view)", "rows.count": "\(appended)"])
            return 0
        }
        try session.execute(layout.carrySQL(from: old, sourceRows: existing.sourceRowCount, newSourceRows: sourceRows))
        return appended
    }
}
