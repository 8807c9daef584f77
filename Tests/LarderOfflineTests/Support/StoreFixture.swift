import Foundation
import LarderCore
import LarderFormats
import LarderOffline
import LarderTestSupport
import Logging

/// An offline store in its own temporary directory. Sources are real files (whose bytes are a
/// dump of their rows, so changing the rows changes the file) read through in-memory readers.
final class StoreFixture {
    let directory: TemporaryDirectory
    private(set) var store: OfflineStore
    private let sources: SourceRegistry

    /// The store's database file.
    var databasePath: String { directory.appending("offline.db") }

    init() throws {
        directory = try TemporaryDirectory()
        sources = SourceRegistry()
        store = try Self.openStore(path: directory.appending("offline.db"), sources: sources)
    }

    /// A store reading its sources with the given opener (the real readers, for file tests).
    init(openSource: @escaping SourceOpener) throws {
        directory = try TemporaryDirectory()
        sources = SourceRegistry()
        store = try OfflineStore(path: directory.appending("offline.db"), logger: .quiet, openSource: openSource)
    }

    /// Closes and reopens the store (a new connection to the same file).
    func reopen() throws {
        store = try Self.openStore(path: databasePath, sources: sources)
    }

    /// A second store on the same database file.
    func openAnotherStore() throws -> OfflineStore {
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
        let dump = columns.map { "\($0.0):\($0.1)" }.joined(separator: ",") + "\n"
            + rows.map { "\($0)" }.joined(separator: "\n")
        try dump.write(toFile: path, atomically: false, encoding: .utf8)
        let failure = failingLine.map { FormatError(file: path, line: $0, column: columns[0].0, "malformed value") }
        sources.tables[path] = (columns, rows, batchSize, failure)
        return path
    }

    /// Writes a view's source and ingests it.
    /// - Returns: the table description, with its source in the fixture's directory.
    @discardableResult
    func ingest(_ view: ViewFixture) throws -> OfflineTable {
        let table = table(view.table)
        try writeSource(view.table.sourcePath, columns: view.columns, rows: view.rows)
        try store.ingest(table)
        return table
    }

    /// Runs a join over in-memory entity rows and returns what was written.
    func join(
        entityColumns: [(String, ColumnType)], entityRows: [[Value]], requests: [FeatureRequest],
        timestampColumn: String = "event_timestamp", on store: OfflineStore? = nil,
        strategy: JoinStrategy = .automatic, chunkRows: Int = 1 << 20
    ) throws -> MemoryTableWriter {
        let entities = MemoryTableReader(path: "entities.csv", columns: entityColumns, rows: entityRows)
        var writer: MemoryTableWriter?
        try (store ?? self.store).pointInTimeJoin(
            entities: entities, timestampColumn: timestampColumn, requests: requests, strategy: strategy,
            chunkRows: chunkRows
        ) { schema in
            let made = MemoryTableWriter(schema: schema)
            writer = made
            return made
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

    private static func openStore(path: String, sources: SourceRegistry) throws -> OfflineStore {
        try OfflineStore(path: path, logger: .quiet) { path, _, _ in
            guard let table = sources.tables[path] else {
                throw FormatError(file: path, "no such test source")
            }
            sources.opened[path, default: 0] += 1
            return MemoryTableReader(
                path: path, columns: table.columns, rows: table.rows, batchSize: table.batchSize, failure: table.failure)
        }
    }
}

/// The in-memory contents of the fixture's source files, by path.
private final class SourceRegistry {
    var tables: [String: (columns: [(String, ColumnType)], rows: [[Value]], batchSize: Int, failure: FormatError?)] = [:]
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
