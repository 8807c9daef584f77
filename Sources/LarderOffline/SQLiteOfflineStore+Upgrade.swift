internal import LarderCore
import LarderStores

extension SQLiteOfflineStore {
    /// Rewrites the data tables of a store written by an earlier Larder (rows in ingestion
    /// order, with a separate point-in-time index) in the clustered layout of
    /// ``DataTableLayout``, each with the same rows, sequences and catalog entry; one
    /// transaction, so a store is upgraded whole or not at all. A store already upgraded costs
    /// one catalog read.
    /// - Throws: ``SQLiteError`` when the store cannot be read or written.
    func upgradeDataTables() throws {
        guard try catalog.allEntries().contains(where: { try !isClustered($0.dataTable) }) else { return }
        try withLoadingSettings {
            try connection.transaction {
                // Checked again under the write lock: another process may have upgraded meanwhile.
                for entry in try catalog.allEntries() where try !isClustered(entry.dataTable) {
                    let layout = DataTableLayout(
                        table: DataTableLayout.newTableName(for: entry.view), definition: entry.definition)
                    let columns = (layout.pointInTimeOrder + entry.definition.features.map(\.name.quotedIdentifier))
                        .joined(separator: ", ")
                    try connection.execute(layout.createTableSQL)
                    try connection.execute(
                        """
                        INSERT INTO main.\(layout.table.quotedIdentifier) (\(columns)) \
                        SELECT \(columns) FROM main.\(entry.dataTable.quotedIdentifier) \
                        ORDER BY \(layout.pointInTimeOrder.joined(separator: ", "))
                        """)
                    try connection.execute("DROP TABLE main.\(entry.dataTable.quotedIdentifier)")
                    var upgraded = entry
                    upgraded.dataTable = layout.table
                    try catalog.save(upgraded)
                    logger.info(
                        "upgraded the offline store's table of a feature view",
                        metadata: ["feature_view.name": "\(entry.view)"])
                }
            }
        }
        connection.clearStatementCache()
    }

    /// Whether a data table has the clustered layout (a table that does not exist has nothing
    /// to upgrade).
    private func isClustered(_ table: String) throws -> Bool {
        let statement = try connection.prepare("SELECT sql FROM main.sqlite_master WHERE type = 'table' AND name = ?1")
        try statement.bind(table, at: 1)
        guard try statement.step() else { return true }
        return statement.string(at: 0).hasSuffix("WITHOUT ROWID")
    }
}
