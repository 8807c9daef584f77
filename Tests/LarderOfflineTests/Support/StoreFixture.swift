import Foundation
import LarderCore
import LarderFormats
import LarderStores
@testable import LarderOffline
import LarderPostgres
import LarderTestSupport
import Logging
import Testing

/// An offline store in its own temporary directory. Sources are real files (whose bytes are a
/// dump of their rows, so changing the rows changes the file) read through in-memory readers.
final class StoreFixture {
    let directory: TemporaryDirectory
    private(set) var store: SQLiteOfflineStore
    /// The in-memory reference store, reading the same sources.
    let memory: MemoryOfflineStore
    private let sources: SourceRegistry
    private let openSource: SourceOpener
    /// The PostgreSQL store, in a schema of its own on the process's test server, made on first use.
    private var postgresStore: PostgresOfflineStore?

    /// The store's database file.
    var databasePath: String { directory.appending("offline.db") }

    init() throws {
        directory = try TemporaryDirectory()
        sources = SourceRegistry()
        openSource = Self.opener(sources)
        store = try Self.openStore(path: directory.appending("offline.db"), sources: sources)
        memory = MemoryOfflineStore(openSource: openSource)
    }

    /// A store reading its sources with the given opener (the real readers, for file tests).
    init(openSource: @escaping SourceOpener) throws {
        directory = try TemporaryDirectory()
        sources = SourceRegistry()
        self.openSource = openSource
        store = try SQLiteOfflineStore(path: directory.appending("offline.db"), logger: .quiet, openSource: openSource)
        memory = MemoryOfflineStore(openSource: openSource)
    }

    /// The store a backend of the conformance suite uses.
    func store(_ backend: OfflineBackend) throws -> any OfflineStore {
        switch backend {
        case .sqlite: return store
        case .sqliteStaged:
            // Every source of more than two rows goes through the staging table.
            store.sortedRunRows = 2
            return store
        case .memory: return memory
        case .postgres: return try postgres()
        }
    }

    /// The PostgreSQL store of this fixture (its own schema on the shared test server).
    func postgres() throws -> PostgresOfflineStore {
        if let postgresStore { return postgresStore }
        let opened = try openPostgres()
        postgresStore = opened
        return opened
    }

    /// A new connection to this fixture's PostgreSQL schema (another store on the same tables).
    func openPostgres() throws -> PostgresOfflineStore {
        let server = try PostgresTestServer.shared()
        var configuration = PostgresOfflineStore.Configuration()
        configuration.port = server.port
        configuration.user = server.user
        configuration.database = server.database
        configuration.schema = postgresSchema
        return try PostgresOfflineStore(configuration: configuration, logger: .quiet, openSource: openSource)
    }

    /// This fixture's schema on the PostgreSQL test server.
    let postgresSchema = PostgresTestServer.makeSchemaName()

    /// Closes and reopens the store (a new connection to the same file).
    func reopen() throws {
        store = try Self.openStore(path: databasePath, sources: sources)
    }

    /// A second store on the same database file.
    func openAnotherStore() throws -> SQLiteOfflineStore {
        try Self.openStore(path: databasePath, sources: sources)
    }

    /// Writes a source file holding `rows` and makes it readable with the given columns.
    /// - Returns: the file's path.
    /// With `failingLine`, reading stops with a `FormatError` at that line (a header counts).
    @discardableResult
    func writeSource(
        _ name: String, columns: [(String, ColumnType)], rows: [[Value]], batchSize: Int = 3, failingLine: Int? = nil
    ) throws -> String {
        let path = directory.appending(name)
        let dump =
            columns.map { "\($0.0):\($0.1)" }.joined(separator: ",") + "\n"
            + rows.map { "\($0)" }.joined(separator: "\n")
        try dump.write(toFile: path, atomically: false, encoding: .utf8)
        let failure = failingLine.map { FormatError(file: path, line: $0, column: columns[0].0, "malformed value") }
        sources.tables[path] = (columns, rows, batchSize, failure)
        return path
    }

    /// Writes a view's source and ingests it.
    /// - Returns: the table description, with its source in the fixture's directory.
    @discardableResult
    func ingest(into backend: OfflineBackend = .sqlite(), _ view: ViewFixture) throws -> OfflineTable {
        let table = table(view.table)
        try writeSource(view.table.sourcePath, columns: view.columns, rows: view.rows)
        try store(backend).ingest(table, force: false, progress: nil)
        return table
    }

    /// Runs a join over in-memory entity rows and returns what was written.
    func join(
        entityColumns: [(String, ColumnType)], entityRows: [[Value]], requests: [FeatureRequest],
        timestampColumn: String = "event_timestamp", on store: SQLiteOfflineStore? = nil,
        backend: OfflineBackend = .sqlite()
    ) throws -> MemoryTableWriter {
        let entities = MemoryTableReader(path: "entities.csv", columns: entityColumns, rows: entityRows)
        var writer: MemoryTableWriter?
        let open = { (schema: TableSchema) -> any TableWriter in
            let made = MemoryTableWriter(schema: schema)
            writer = made
            return made
        }
        switch backend {
        case .sqlite(let strategy, let chunkRows):
            try (store ?? self.store).pointInTimeJoin(
                entities: entities, timestampColumn: timestampColumn, requests: requests, strategy: strategy,
                chunkRows: chunkRows, output: open)
        case .sqliteStaged, .memory, .postgres:
            try self.store(backend).pointInTimeJoin(
                entities: entities, timestampColumn: timestampColumn, requests: requests, output: open)
        }
        guard let writer else { throw FormatError(file: "entities.csv", "the join opened no output") }
        return writer
    }

    /// How many times a source was opened for reading.
    func openCount(_ path: String) -> Int {
        sources.opened[path, default: 0]
    }

    /// A table description whose source is `name` in the fixture's directory.
    func table(_ table: OfflineTable) -> OfflineTable {
        var table = table
        table.sourcePath = directory.appending(table.sourcePath)
        return table
    }

    private static func openStore(path: String, sources: SourceRegistry) throws -> SQLiteOfflineStore {
        try SQLiteOfflineStore(path: path, logger: .quiet, openSource: opener(sources))
    }

    /// Opens the registered test sources.
    private static func opener(_ sources: SourceRegistry) -> SourceOpener {
        { path, _, _ in
            guard let table = sources.tables[path] else {
                throw FormatError(file: path, "no such test source")
            }
            sources.opened[path, default: 0] += 1
            return MemoryTableReader(
                path: path, columns: table.columns, rows: table.rows, batchSize: table.batchSize, failure: table.failure
            )
        }
    }
}

/// The in-memory contents of the fixture's source files, by path.
/// Used from the test's thread only, like the store that opens sources through it.
private final class SourceRegistry: @unchecked Sendable {
    var tables: [String: (columns: [(String, ColumnType)], rows: [[Value]], batchSize: Int, failure: FormatError?)] =
        [:]
    var opened: [String: Int] = [:]
}

extension Logger {
    /// A logger that discards everything, so test output stays readable.
    static var quiet: Logger { Logger(label: "larder.offline.tests") { _ in SwiftLogNoOpLogHandler() } }
}

/// A timestamp value from RFC 3339 text.
func ts(_ text: String) -> Value {
    guard let timestamp = Timestamp(parsing: text) else { fatalError("bad test timestamp \(text)") }
    return .timestamp(timestamp)
}

/// Column types used by test tables.
extension ColumnType {
    static let int64 = ColumnType.int(bits: 64, signed: true)
    static let int32 = ColumnType.int(bits: 32, signed: true)
    static let micros = ColumnType.timestamp(.microseconds, utcAdjusted: true)
}

/// A backend the offline conformance suite runs against: the embedded store with each way it
/// joins, the in-memory reference store, and the PostgreSQL store on the tests' own server.
enum OfflineBackend: Sendable, CustomTestStringConvertible {
    case sqlite(JoinStrategy = .automatic, chunkRows: Int = 1 << 20)
    /// The embedded store loading every source through its staging table, as it loads a file
    /// too large to sort in memory.
    case sqliteStaged
    case memory
    case postgres

    /// The embedded store (loading in memory and through staging), the in-memory one and
    /// PostgreSQL, for behaviour that does not depend on how the embedded store joins.
    static let stores: [OfflineBackend] = [.sqlite(), .sqliteStaged, .memory, .postgres]

    /// Every backend: the embedded store by index search, by sorted scan, by sorted scan in
    /// chunks of two entity rows (the entity reader's batches hold three), and loaded through
    /// staging; the in-memory store; PostgreSQL.
    static let all: [OfflineBackend] = [
        .sqlite(.indexSearch), .sqlite(.sortedScan), .sqlite(.sortedScan, chunkRows: 2), .sqliteStaged, .memory,
        .postgres,
    ]

    var testDescription: String {
        switch self {
        case .sqlite(let strategy, let chunkRows): "sqlite \(strategy.rawValue) chunks of \(chunkRows)"
        case .sqliteStaged: "sqlite loaded through staging"
        case .memory: "memory"
        case .postgres: "postgres"
        }
    }
}
