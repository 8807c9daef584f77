public import LarderCore
public import LarderFormats
public import Logging
public import LarderStores

/// The offline store: feature view rows ingested from their source files into one SQLite
/// database, queried for point-in-time correct training sets and for the latest rows to
/// materialize.
///
/// A store is one connection to the database; use it from one thread at a time. Several
/// stores (or processes) may open the same file: the database runs in WAL mode, so readers
/// keep reading while a view is being ingested, and see the new rows only once ingestion has
/// finished.
public final class SQLiteOfflineStore {
    /// The database file.
    public let path: String
    let connection: SQLiteConnection
    let catalog: OfflineCatalog
    let logger: Logger
    let openSource: SourceOpener
    /// The most source rows sorted in memory while ingesting; a larger file goes through a
    /// staging table (see ``SourceRunLoader``).
    var sortedRunRows = SourceRunLoader.defaultRunRows

    /// Opens (creating if needed) an offline store.
    /// - Parameters:
    ///   - path: the SQLite database file.
    ///   - logger: where the store logs ingestion and queries.
    ///   - openSource: opens source files for ingestion; by default the CSV and Parquet readers.
    /// - Throws: ``SQLiteError`` when the file cannot be opened or is not a database.
    public init(
        path: String, logger: Logger,
        openSource: @escaping SourceOpener = { try TableFiles.openReader(path: $0, format: $1, declaredTypes: $2) }
    ) throws {
        self.path = path
        self.logger = logger
        self.openSource = openSource
        connection = try SQLiteConnection(path: path)
        catalog = OfflineCatalog(connection: connection)
        // `page_size = 65536` (for a new file; an existing store keeps its page size): sixteen
        // times fewer pages to write, log, checkpoint and search than with SQLite's 4 KiB, and
        // wide rows still fit many to a page. Ingesting 1M rows took a quarter less time, the
        // training set 100k x 1M about a fifth less (docs/BENCHMARKS.md, "Pages of 64 KiB").
        // `secure_delete = FAST`: Debian builds SQLite with secure deletion on, which writes
        // zeros over every page a dropped table frees: dropping the previous 1M rows of a
        // forced re-ingestion took 0.52 s with it, 0.03 s with FAST, which still clears
        // deleted content on the pages being written anyway, without extra writes.
        try connection.execute(
            """
            PRAGMA page_size = 65536;
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            PRAGMA foreign_keys = OFF;
            PRAGMA secure_delete = FAST;
            PRAGMA cache_size = -\(Self.cacheKibibytes);
            PRAGMA threads = 2;
            PRAGMA mmap_size = \(Self.mmapBytes);
            PRAGMA temp_store = FILE;
            PRAGMA journal_size_limit = \(64 << 20);
            """)
        try catalog.createIfNeeded()
        try upgradeDataTables()
    }

    /// The page cache per connection, in KiB: enough to keep a large index hot, small enough
    /// that a join over tens of millions of rows stays well under the memory budget.
    static let cacheKibibytes = 256 * 1024

    /// The most of the database file read through a memory map, in bytes.
    static let mmapBytes = 256 << 20

    /// The page cache while rows are loaded, in KiB (see ``withLoadingSettings(_:)``).
    static let loadingCacheKibibytes = 1024

    /// The feature views in the store, ordered by name.
    /// - Returns: one description per ingested view.
    /// - Throws: ``SQLiteError`` when the catalog cannot be read.
    public func ingestedTables() throws -> [IngestedTable] {
        try catalog.allEntries().map(IngestedTable.init)
    }

    /// What the store holds for one feature view.
    /// - Parameter name: the feature view's name.
    /// - Returns: the description, or `nil` when the view was never ingested.
    /// - Throws: ``SQLiteError`` when the catalog cannot be read.
    public func ingestedTable(named name: String) throws -> IngestedTable? {
        try catalog.entry(for: name).map(IngestedTable.init)
    }

    /// Removes a feature view's rows from the store.
    /// - Parameter name: the feature view's name.
    /// - Returns: `true` when the view was in the store.
    /// - Throws: ``SQLiteError`` when the database cannot be written.
    @discardableResult
    public func drop(table name: String) throws -> Bool {
        guard let entry = try catalog.entry(for: name) else { return false }
        try connection.transaction {
            try connection.execute("DROP TABLE IF EXISTS \(entry.dataTable.quotedIdentifier)")
            try catalog.remove(name)
        }
        connection.clearStatementCache()
        logger.info("dropped feature view from the offline store", metadata: ["feature_view.name": "\(name)"])
        return true
    }

    /// The catalog entry of an ingested view, checked against the definition being queried.
    /// - Parameter table: the view's description.
    /// - Returns: the entry.
    /// - Throws: ``OfflineStoreError`` (`notFound`) when the view was never ingested,
    ///   (`outOfDate`) when it was ingested from another definition.
    func currentEntry(for table: OfflineTable) throws -> CatalogEntry {
        guard let entry = try catalog.entry(for: table.name) else {
            throw OfflineStoreError(
                .notFound, "feature view '\(table.name)' is not in the offline store; ingest it first")
        }
        guard entry.definition == StoredDefinition(table) else {
            throw OfflineStoreError(
                .outOfDate,
                "feature view '\(table.name)' was ingested from another definition (source, keys or features changed); ingest it again"
            )
        }
        return entry
    }
}

@available(*, unavailable)
extension SQLiteOfflineStore: Sendable {}
