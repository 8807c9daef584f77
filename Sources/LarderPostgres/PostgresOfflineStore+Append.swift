internal import LarderCore
public import LarderStores
internal import PostgresNIO

extension PostgresOfflineStore {
    /// Adds rows to a feature view after the rows it holds, with `COPY`, in one transaction.
    ///
    /// Appended rows count as stored after every other row (in the given order among
    /// themselves), so they win full ties; a view never ingested gets an empty data table
    /// first. A later ingestion of a changed file keeps them, after the file's rows.
    /// - Parameters:
    ///   - table: the feature view's description.
    ///   - rows: the rows; keys and features in the view's declared order.
    /// - Returns: the number of rows appended.
    /// - Throws: ``OfflineStoreError`` (`outOfDate`, `invalidRequest` naming the row and
    ///   column); ``PostgresStoreError``.
    @discardableResult
    public func append(table: OfflineTable, rows: [StoredRow]) throws -> Int {
        try table.validate()
        try PostgresTableLayout.checkNames(of: table)
        try table.check(rows)
        guard !rows.isEmpty else { return 0 }
        try session.transaction {
            try catalog.lock(table.name)
            var entry =
                try catalog.entry(for: table.name) == nil ? try createEmpty(table) : try currentLayout(for: table).entry
            let layout = try entry.layout()
            let next = try nextSequence(in: layout)
            var writer = CopyTextWriter()
            for (offset, row) in rows.enumerated() {
                for (value, key) in zip(row.joinKeys, layout.definition.joinKeys) {
                    writer.write(value.coerced(to: key.type) ?? value, as: key.type)
                }
                writer.write(row.eventTimestamp.nanosecondsSinceEpoch)
                writer.write(row.createdTimestamp?.nanosecondsSinceEpoch ?? PostgresTableLayout.missingCreatedTime)
                writer.write(next + Int64(offset))
                for (value, feature) in zip(row.features, layout.definition.features) {
                    writer.write(value.coerced(to: feature.type) ?? value, as: feature.type)
                }
                writer.endRow()
            }
            try session.copy(writer.buffer, into: layout.table)
            entry.rowCount += rows.count
            try catalog.save(entry)
        }
        logger.debug("appended rows", metadata: ["feature_view.name": "\(table.name)", "rows.count": "\(rows.count)"])
        return rows.count
    }

    /// Creates an empty data table and catalog entry for a view that was never ingested.
    private func createEmpty(_ table: OfflineTable) throws -> PostgresCatalogEntry {
        let layout = PostgresTableLayout.new(for: table.name, definition: StoredDefinition(table))
        try session.execute(layout.createTableSQL)
        try session.execute(layout.createIndexSQL)
        let entry = PostgresCatalogEntry(
            view: table.name, dataTable: layout.table, definitionJSON: try layout.definition.json(),
            fingerprint: SourceFingerprint(size: -1, modifiedNanoseconds: 0, contentHash: ""), rowCount: 0,
            sourceRowCount: 0, ingestedAt: .now)
        try catalog.save(entry)
        return entry
    }

    /// One more than the greatest sequence in a data table (1 when it is empty).
    private func nextSequence(in layout: PostgresTableLayout) throws -> Int64 {
        let logger = logger
        let sql = "SELECT coalesce(max(\(PostgresTableLayout.sequenceColumn)), 0) + 1 FROM \(layout.quotedTable)"
        return try session.run { connection in
            var next: Int64 = 1
            for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger) {
                next = try row.decode(Int64.self)
            }
            return next
        }
    }
}
