internal import LarderCore
public import LarderStores

extension SQLiteOfflineStore {
    /// Adds rows to a feature view, in one transaction, after the rows it already holds.
    ///
    /// Appended rows count as ingested after every stored row (and in the given order among
    /// themselves), so on equal event and creation times the point-in-time join and
    /// materialization prefer the appended row, as they prefer a later row of a source file.
    /// A view that was never ingested (a push source whose file does not exist yet) gets an
    /// empty table first. Re-ingesting a changed source file replaces the rows that came from
    /// the file and keeps the appended ones, after the new file's rows (see
    /// ``ingest(_:force:progress:)``).
    /// - Parameters:
    ///   - table: the feature view's description.
    ///   - rows: the rows; keys and features in the view's declared order.
    /// - Returns: the number of rows appended.
    /// - Throws: ``OfflineStoreError`` (`outOfDate`) when the view was ingested from another
    ///   definition, (`invalidRequest`) naming the row and column of a key, feature or event
    ///   time that does not fit the view; ``SQLiteError`` when the store cannot be written.
    @discardableResult
    public func append(table: OfflineTable, rows: [StoredRow]) throws -> Int {
        try table.validate()
        try table.check(rows)
        guard !rows.isEmpty else { return 0 }
        let appended = try connection.transaction {
            let entry =
                try catalog.entry(for: table.name) == nil ? try createEmpty(table) : try currentEntry(for: table)
            let layout = DataTableLayout(table: entry.dataTable, definition: entry.definition)
            // Sequences are 1...rowCount: the file's rows, then the appended ones.
            let next = Int64(entry.rowCount) + 1
            let insert = try connection.prepare(layout.insertSQL)
            let keys = entry.definition.joinKeys
            let features = entry.definition.features
            for (offset, row) in rows.enumerated() {
                insert.reset()
                for (index, key) in keys.enumerated() {
                    try insert.bind(row.joinKeys[index], as: key.type, at: Int32(index + 1))
                }
                var parameter = Int32(keys.count + 1)
                try insert.bind(row.eventTimestamp.nanosecondsSinceEpoch, at: parameter)
                try insert.bind(
                    row.createdTimestamp?.nanosecondsSinceEpoch ?? DataTableLayout.missingCreatedTime, at: parameter + 1
                )
                try insert.bind(next + Int64(offset), at: parameter + 2)
                parameter += 3
                for (index, feature) in features.enumerated() {
                    try insert.bind(row.features[index], as: feature.type, at: parameter + Int32(index))
                }
                try insert.run()
            }
            var updated = entry
            updated.rowCount += rows.count
            try catalog.save(updated)
            return rows.count
        }
        logger.debug("appended rows", metadata: ["feature_view.name": "\(table.name)", "rows.count": "\(appended)"])
        return appended
    }

    /// Creates an empty data table and catalog entry for a view that was never ingested.
    private func createEmpty(_ table: OfflineTable) throws -> CatalogEntry {
        let definition = StoredDefinition(table)
        let layout = DataTableLayout(
            table: DataTableLayout.newTableName(for: table.name), definition: definition)
        try connection.execute(layout.createTableSQL)
        let entry = CatalogEntry(
            view: table.name, dataTable: layout.table, definition: definition,
            fingerprint: SourceFingerprint(size: -1, modifiedNanoseconds: 0, contentHash: ""), rowCount: 0,
            sourceRowCount: 0, ingestedAt: .now)
        try catalog.save(entry)
        connection.clearStatementCache()
        return entry
    }
}
