internal import LarderCore
internal import LarderStores
internal import Logging
internal import PostgresNIO

/// One ingested feature view as the catalog table records it.
struct PostgresCatalogEntry: Sendable {
    /// The feature view's name.
    var view: String
    /// The data table holding its rows.
    var dataTable: String
    /// The definition the rows were ingested with, as canonical JSON.
    var definitionJSON: String
    /// The source file's fingerprint when it was ingested.
    var fingerprint: SourceFingerprint
    /// The number of rows stored.
    var rowCount: Int
    /// How many of them came from the source file (sequences `1...sourceRowCount`).
    var sourceRowCount: Int
    /// When the rows were ingested.
    var ingestedAt: Timestamp

    /// The saved definition.
    /// - Throws: ``OfflineStoreError`` (`outOfDate`) when it cannot be read.
    func definition() throws -> StoredDefinition {
        try StoredDefinition(json: definitionJSON, view: view)
    }

    /// The data table's layout.
    /// - Throws: ``OfflineStoreError`` when the saved definition cannot be read.
    func layout() throws -> PostgresTableLayout {
        PostgresTableLayout(table: dataTable, definition: try definition())
    }

    /// What ``OfflineStore/ingestedTable(named:)`` says about the view.
    /// - Throws: ``OfflineStoreError`` when the saved definition cannot be read.
    func description() throws -> IngestedTable {
        let definition = try definition()
        return IngestedTable(
            name: view, sourcePath: definition.sourcePath, format: definition.format, sourceSize: fingerprint.size,
            sourceHash: fingerprint.contentHash, rowCount: rowCount, appendedRowCount: rowCount - sourceRowCount,
            ingestedAt: ingestedAt, columns: definition.joinKeys + definition.features)
    }
}

/// The store's own table in its schema, `larder_offline_tables`: which data table holds each
/// feature view, from which definition and which version of its source.
struct PostgresCatalog {
    let session: PostgresSession
    /// The schema, quoted.
    let schema: String

    /// The catalog table, schema-qualified.
    var table: String { "\(schema).larder_offline_tables" }

    /// Creates the schema and the catalog table if the store is new. Several stores may start
    /// at once: an advisory lock keeps their `CREATE ... IF NOT EXISTS` from racing.
    /// - Throws: ``PostgresStoreError``.
    func createIfNeeded() throws {
        try session.transaction {
            try session.execute("SELECT pg_advisory_xact_lock(hashtext('larder schema ' || \(schema.postgresLiteral)))")
            try session.execute("CREATE SCHEMA IF NOT EXISTS \(schema)")
            try session.execute(
                """
                CREATE TABLE IF NOT EXISTS \(table) (
                    view text PRIMARY KEY,
                    data_table text NOT NULL,
                    definition text NOT NULL,
                    source_size bigint NOT NULL,
                    source_mtime_ns bigint NOT NULL,
                    source_hash text NOT NULL,
                    row_count bigint NOT NULL,
                    source_row_count bigint NOT NULL,
                    ingested_at_ns bigint NOT NULL
                )
                """)
        }
    }

    /// Holds the view's advisory lock until the transaction ends: ingestions, appends and drops
    /// of one view run one after another, across processes.
    /// - Parameter view: the feature view's name.
    /// - Throws: ``PostgresStoreError``.
    func lock(_ view: String) throws {
        try session.execute(
            "SELECT pg_advisory_xact_lock(hashtext('larder view ' || \(schema.postgresLiteral) || \(view.postgresLiteral)))"
        )
    }

    /// The entry for a feature view, or `nil` when it was never ingested.
    /// - Parameter view: the feature view's name.
    /// - Throws: ``PostgresStoreError``.
    func entry(for view: String) throws -> PostgresCatalogEntry? {
        try entries(where: "WHERE view = \(view.postgresLiteral)").first
    }

    /// Every entry, ordered by feature view name.
    /// - Throws: ``PostgresStoreError``.
    func allEntries() throws -> [PostgresCatalogEntry] {
        try entries(where: "ORDER BY view")
    }

    /// Inserts or replaces a feature view's entry.
    /// - Parameter entry: the new entry.
    /// - Throws: ``PostgresStoreError``.
    func save(_ entry: PostgresCatalogEntry) throws {
        let logger = session.logger
        let table = table
        try session.run { connection in
            let query: PostgresQuery = """
                INSERT INTO \(unescaped: table) (\(unescaped: Self.columns)) VALUES (\(entry.view), \(entry.dataTable), \
                \(entry.definitionJSON), \(entry.fingerprint.size), \(entry.fingerprint.modifiedNanoseconds), \
                \(entry.fingerprint.contentHash), \(Int64(entry.rowCount)), \(Int64(entry.sourceRowCount)), \
                \(entry.ingestedAt.nanosecondsSinceEpoch)) \
                ON CONFLICT (view) DO UPDATE SET data_table = excluded.data_table, definition = excluded.definition, \
                source_size = excluded.source_size, source_mtime_ns = excluded.source_mtime_ns, \
                source_hash = excluded.source_hash, row_count = excluded.row_count, \
                source_row_count = excluded.source_row_count, ingested_at_ns = excluded.ingested_at_ns
                """
            try await connection.query(query, logger: logger).consume()
        }
    }

    /// Removes a feature view's entry.
    /// - Parameter view: the feature view's name.
    /// - Throws: ``PostgresStoreError``.
    func remove(_ view: String) throws {
        try session.execute("DELETE FROM \(table) WHERE view = \(view.postgresLiteral)")
    }

    private static let columns =
        "view, data_table, definition, source_size, source_mtime_ns, source_hash, row_count, source_row_count, ingested_at_ns"

    private func entries(where clause: String) throws -> [PostgresCatalogEntry] {
        let logger = session.logger
        let sql = "SELECT \(Self.columns) FROM \(table) \(clause)"
        return try session.run { connection in
            var entries: [PostgresCatalogEntry] = []
            for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger) {
                let (view, dataTable, definition, size, modified, hash, rows, sourceRows, ingested) = try row.decode(
                    (String, String, String, Int64, Int64, String, Int64, Int64, Int64).self)
                entries.append(
                    PostgresCatalogEntry(
                        view: view, dataTable: dataTable, definitionJSON: definition,
                        fingerprint: SourceFingerprint(size: size, modifiedNanoseconds: modified, contentHash: hash),
                        rowCount: Int(rows), sourceRowCount: Int(sourceRows),
                        ingestedAt: Timestamp(nanosecondsSinceEpoch: ingested)))
            }
            return entries
        }
    }
}
