public import LarderCore
public import LarderFormats
public import LarderStores
public import Logging
internal import PostgresNIO

/// An offline store in a PostgreSQL database that a team shares: feature view rows loaded
/// with `COPY`, point-in-time joins run by the server as SQL, streamed back.
///
/// The store's tables live in one schema (``Configuration/schema``): the catalog
/// `larder_offline_tables` and one data table per feature view (see ``PostgresTableLayout`` and
/// `docs/offline-store.md`). Each ingestion loads the file into a new data table and swaps it
/// for the old one in the same transaction, so readers (and a failed or killed ingestion) see
/// the previous rows until it commits.
///
/// A store is one connection; use it from one thread at a time. Its methods are synchronous:
/// each waits for its statements, which run on Larder's own PostgreSQL event loop (see
/// ``PostgresSession``), so calling them from any thread, a Swift concurrency thread
/// included, cannot deadlock.
public final class PostgresOfflineStore {
    /// Where the server is.
    public let configuration: Configuration
    let session: PostgresSession
    let catalog: PostgresCatalog
    let logger: Logger
    let openSource: SourceOpener

    /// Connects to the server and creates the schema and catalog when missing.
    /// - Parameters:
    ///   - configuration: the server, credentials and schema.
    ///   - logger: where the store logs ingestion and queries.
    ///   - openSource: opens source files for ingestion; by default the CSV and Parquet readers.
    /// - Throws: ``PostgresStoreError`` when the server cannot be reached, refuses the login or
    ///   the schema cannot be created.
    public init(
        configuration: Configuration, logger: Logger,
        openSource: @escaping SourceOpener = { try TableFiles.openReader(path: $0, format: $1, declaredTypes: $2) }
    ) throws {
        self.configuration = configuration
        self.logger = logger
        self.openSource = openSource
        session = try PostgresSession(
            configuration: PostgresConnection.Configuration(
                host: configuration.host, port: configuration.port, username: configuration.user,
                password: configuration.password, database: configuration.database, tls: .disable),
            server: configuration.serverDescription, logger: logger)
        let schema = configuration.schema.quotedPostgresIdentifier
        catalog = PostgresCatalog(session: session, schema: schema)
        try catalog.createIfNeeded()
        // COPY names its table without a schema: the store's schema comes first.
        try session.execute("SET search_path TO \(schema)")
    }

    /// The feature views in the store, ordered by name.
    /// - Returns: one description per ingested view.
    /// - Throws: ``PostgresStoreError``; ``OfflineStoreError`` when a saved definition is unreadable.
    public func ingestedTables() throws -> [IngestedTable] {
        try catalog.allEntries().map { try $0.description() }
    }

    /// What the store holds for one feature view.
    /// - Parameter name: the feature view's name.
    /// - Returns: the description, or `nil` when the view was never ingested.
    /// - Throws: ``PostgresStoreError``; ``OfflineStoreError`` when the saved definition is unreadable.
    public func ingestedTable(named name: String) throws -> IngestedTable? {
        try catalog.entry(for: name)?.description()
    }

    /// Removes a feature view's rows and its catalog entry, in one transaction.
    /// - Parameter name: the feature view's name.
    /// - Returns: `true` when the view was in the store.
    /// - Throws: ``PostgresStoreError``.
    @discardableResult
    public func drop(table name: String) throws -> Bool {
        let dropped = try session.transaction {
            try catalog.lock(name)
            guard let entry = try catalog.entry(for: name) else { return false }
            try session.execute("DROP TABLE IF EXISTS \(entry.dataTable.quotedPostgresIdentifier)")
            try catalog.remove(name)
            return true
        }
        if dropped {
            logger.info("dropped feature view from the offline store", metadata: ["feature_view.name": "\(name)"])
        }
        return dropped
    }

    /// The catalog entry of an ingested view, checked against the definition being queried.
    /// - Parameter table: the view's description.
    /// - Returns: the entry and its data table's layout.
    /// - Throws: ``OfflineStoreError`` (`notFound`) when the view was never ingested,
    ///   (`outOfDate`) when it was ingested from another definition.
    func currentLayout(for table: OfflineTable) throws -> (entry: PostgresCatalogEntry, layout: PostgresTableLayout) {
        guard let entry = try catalog.entry(for: table.name) else {
            throw OfflineStoreError(
                .notFound, "feature view '\(table.name)' is not in the offline store; ingest it first")
        }
        let layout = try entry.layout()
        guard layout.definition == StoredDefinition(table) else {
            throw OfflineStoreError(
                .outOfDate,
                "feature view '\(table.name)' was ingested from another definition (source, keys or features changed); ingest it again"
            )
        }
        return (entry, layout)
    }
}

@available(*, unavailable)
extension PostgresOfflineStore: Sendable {}
