internal import CSQLite
import LarderStores

/// An open SQLite database: one connection, closed when the object goes away.
///
/// Statements prepared through ``cachedStatement(_:)`` are kept and reused. Not thread-safe:
/// use one connection from one thread at a time.
final class SQLiteConnection {
    /// The database file.
    let path: String
    /// The C handle, owned by this object.
    let handle: OpaquePointer
    private var statementCache: [String: SQLiteStatement] = [:]

    /// Opens (creating if needed) a database file for reading and writing.
    /// - Parameters:
    ///   - path: the database file.
    ///   - busyTimeoutMilliseconds: how long a statement waits for a lock another connection
    ///     holds before failing with `SQLITE_BUSY`.
    /// - Throws: ``SQLiteError`` when the file cannot be opened.
    init(path: String, busyTimeoutMilliseconds: Int32 = 5_000) throws {
        self.path = path
        _ = Self.configured
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(handle)
            throw SQLiteError(code: SQLiteResultCode(rawValue: code), message: message, path: path)
        }
        self.handle = handle
        sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
    }

    /// SQLite's process-wide settings, made once before the first connection opens: no memory
    /// statistics (they take a global lock on every allocation, two per row inserted).
    private static let configured: Void = {
        _ = larder_sqlite3_disable_memory_statistics()
    }()

    deinit {
        statementCache.removeAll()
        // close_v2 defers the close until statements still alive elsewhere are finalized.
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements that return no rows.
    /// - Parameter sql: the statements, separated by semicolons.
    /// - Throws: ``SQLiteError`` naming the SQL when one fails.
    func execute(_ sql: String) throws {
        var errorText: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &errorText)
        if code != SQLITE_OK {
            let message = errorText.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(errorText)
            throw SQLiteError(code: SQLiteResultCode(rawValue: code), message: message, sql: sql, path: path)
        }
    }

    /// Compiles one statement.
    /// - Parameter sql: a single SQL statement, with `?` parameters.
    /// - Returns: the statement, finalized when released.
    /// - Throws: ``SQLiteError`` when the SQL does not compile.
    func prepare(_ sql: String) throws -> SQLiteStatement {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw error(code: code, sql: sql)
        }
        return SQLiteStatement(handle: statement, database: handle, path: path, sql: sql)
    }

    /// A statement compiled once per connection and reused, reset and with bindings cleared.
    /// - Parameter sql: a single SQL statement.
    /// - Returns: the cached statement, ready to bind.
    /// - Throws: ``SQLiteError`` when the SQL does not compile.
    func cachedStatement(_ sql: String) throws -> SQLiteStatement {
        if let statement = statementCache[sql] {
            statement.reset()
            statement.clearBindings()
            return statement
        }
        let statement = try prepare(sql)
        statementCache[sql] = statement
        return statement
    }

    /// Forgets cached statements, for instance after dropping the tables they read.
    func clearStatementCache() {
        statementCache.removeAll()
    }

    /// Runs `body` inside a transaction, committed when it returns and rolled back when it
    /// throws.
    /// - Parameters:
    ///   - kind: `IMMEDIATE` takes the write lock at once (for writes to the database);
    ///     `DEFERRED` takes locks as needed (for reads, and for writes to temporary tables only).
    ///   - body: the work to do atomically.
    /// - Returns: what `body` returns.
    /// - Throws: what `body` throws, or ``SQLiteError`` when the transaction cannot begin or commit.
    func transaction<Result>(_ kind: TransactionKind = .immediate, _ body: () throws -> Result) throws -> Result {
        try execute("BEGIN \(kind.rawValue)")
        let result: Result
        do {
            result = try body()
            try execute("COMMIT")
        } catch {
            if sqlite3_get_autocommit(handle) == 0 {
                try? execute("ROLLBACK")
            }
            throw error
        }
        return result
    }

    /// How a transaction takes its locks.
    enum TransactionKind: String {
        case deferred = "DEFERRED"
        case immediate = "IMMEDIATE"
    }

    /// The rowid of the most recent successful insert.
    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    private func error(code: Int32, sql: String?) -> SQLiteError {
        SQLiteError(database: handle, code: code, sql: sql, path: path)
    }
}

@available(*, unavailable)
extension SQLiteConnection: Sendable {}
