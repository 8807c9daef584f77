internal import LarderCore
import LarderStores

/// One ingested feature view as the catalog records it.
struct CatalogEntry {
    /// The feature view's name.
    var view: String
    /// The SQLite table holding its rows.
    var dataTable: String
    /// The definition the rows were ingested with.
    var definition: StoredDefinition
    /// The source file's fingerprint when it was ingested.
    var fingerprint: SourceFingerprint
    /// The number of rows stored.
    var rowCount: Int
    /// How many of them were loaded from the source file: they come first (sequences
    /// `1...sourceRowCount`); the rest were appended after (pushed rows).
    var sourceRowCount: Int
    /// When the rows were ingested.
    var ingestedAt: Timestamp
}

/// The store's own table: which data table holds each feature view, from which definition
/// and which version of its source.
struct OfflineCatalog {
    let connection: SQLiteConnection

    /// Creates the catalog tables if the store is new.
    /// - Throws: ``SQLiteError`` when the database cannot be written.
    func createIfNeeded() throws {
        try connection.execute(
            """
            CREATE TABLE IF NOT EXISTS larder_offline_tables (
                view TEXT PRIMARY KEY NOT NULL,
                data_table TEXT NOT NULL,
                definition TEXT NOT NULL,
                source_size INTEGER NOT NULL,
                source_mtime_ns INTEGER NOT NULL,
                source_hash TEXT NOT NULL,
                row_count INTEGER NOT NULL,
                ingested_at_ns INTEGER NOT NULL,
                source_row_count INTEGER NOT NULL DEFAULT -1
            );
            """)
        // Stores written before appended rows were told apart: -1 means "all from the file".
        let columns = try connection.prepare(
            "SELECT 1 FROM pragma_table_info('larder_offline_tables') WHERE name = 'source_row_count'")
        if try !columns.step() {
            try connection.execute(
                "ALTER TABLE larder_offline_tables ADD COLUMN source_row_count INTEGER NOT NULL DEFAULT -1")
        }
    }

    /// The entry for a feature view, or `nil` when it was never ingested.
    /// - Parameter view: the feature view's name.
    /// - Throws: ``SQLiteError``, or ``OfflineStoreError`` when the saved definition is unreadable.
    func entry(for view: String) throws -> CatalogEntry? {
        let statement = try connection.cachedStatement(
            "SELECT \(Self.columns) FROM larder_offline_tables WHERE view = ?1")
        defer { statement.reset() }
        try statement.bind(view, at: 1)
        guard try statement.step() else { return nil }
        return try Self.entry(from: statement)
    }

    /// Every entry, ordered by feature view name.
    /// - Throws: ``SQLiteError``, or ``OfflineStoreError`` when a saved definition is unreadable.
    func allEntries() throws -> [CatalogEntry] {
        let statement = try connection.cachedStatement(
            "SELECT \(Self.columns) FROM larder_offline_tables ORDER BY view")
        defer { statement.reset() }
        var entries: [CatalogEntry] = []
        while try statement.step() {
            entries.append(try Self.entry(from: statement))
        }
        return entries
    }

    /// Inserts or replaces a feature view's entry.
    /// - Parameter entry: the new entry.
    /// - Throws: ``SQLiteError`` when the database cannot be written.
    func save(_ entry: CatalogEntry) throws {
        let statement = try connection.cachedStatement(
            "INSERT OR REPLACE INTO larder_offline_tables (\(Self.columns)) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
        )
        try statement.bind(entry.view, at: 1)
        try statement.bind(entry.dataTable, at: 2)
        try statement.bind(try entry.definition.json(), at: 3)
        try statement.bind(entry.fingerprint.size, at: 4)
        try statement.bind(entry.fingerprint.modifiedNanoseconds, at: 5)
        try statement.bind(entry.fingerprint.contentHash, at: 6)
        try statement.bind(Int64(entry.rowCount), at: 7)
        try statement.bind(entry.ingestedAt.nanosecondsSinceEpoch, at: 8)
        try statement.bind(Int64(entry.sourceRowCount), at: 9)
        try statement.run()
    }

    /// Removes a feature view's entry.
    /// - Parameter view: the feature view's name.
    /// - Throws: ``SQLiteError`` when the database cannot be written.
    func remove(_ view: String) throws {
        let statement = try connection.cachedStatement("DELETE FROM larder_offline_tables WHERE view = ?1")
        try statement.bind(view, at: 1)
        try statement.run()
    }

    private static let columns =
        "view, data_table, definition, source_size, source_mtime_ns, source_hash, row_count, ingested_at_ns, source_row_count"

    private static func entry(from statement: SQLiteStatement) throws -> CatalogEntry {
        let view = statement.string(at: 0)
        let rowCount = Int(statement.int64(at: 6))
        let sourceRowCount = Int(statement.int64(at: 8))
        return CatalogEntry(
            view: view,
            dataTable: statement.string(at: 1),
            definition: try StoredDefinition(json: statement.string(at: 2), view: view),
            fingerprint: SourceFingerprint(
                size: statement.int64(at: 3), modifiedNanoseconds: statement.int64(at: 4),
                contentHash: statement.string(at: 5)),
            rowCount: rowCount,
            sourceRowCount: sourceRowCount < 0 ? rowCount : sourceRowCount,
            ingestedAt: Timestamp(nanosecondsSinceEpoch: statement.int64(at: 7)))
    }
}
