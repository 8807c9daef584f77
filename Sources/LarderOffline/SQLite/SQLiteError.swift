internal import CSQLite
public import LarderStores

/// A failure reported by SQLite, with its message and the statement that failed.
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    /// The result code.
    public var code: SQLiteResultCode
    /// The message from `sqlite3_errmsg`, or the code's description.
    public var message: String
    /// The SQL being prepared or run, when there was one.
    public var sql: String?
    /// The database file.
    public var path: String

    /// An error from its parts.
    /// - Parameters:
    ///   - code: the result code.
    ///   - message: SQLite's message.
    ///   - sql: the statement being prepared or run.
    ///   - path: the database file.
    public init(code: SQLiteResultCode, message: String, sql: String? = nil, path: String) {
        self.code = code
        self.message = message
        self.sql = sql
        self.path = path
    }

    /// `SQLite error 19 (constraint failed) in PATH: MESSAGE, while running: SQL`.
    public var description: String {
        var text = "SQLite error \(code.rawValue) (\(code)) in \(path): \(message)"
        if let sql { text += ", while running: \(sql)" }
        return text
    }
}

extension SQLiteError {
    /// The error SQLite reports for a failed call on a connection, with its current message.
    /// - Parameters:
    ///   - database: the connection's handle.
    ///   - code: the failed call's result code.
    ///   - sql: the statement involved.
    ///   - path: the database file.
    init(database: OpaquePointer, code: Int32, sql: String?, path: String) {
        self.init(
            code: SQLiteResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(database)), sql: sql,
            path: path)
    }
}
