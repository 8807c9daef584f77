internal import CSQLite
public import LarderStores

/// A SQLite result code, primary or extended (`SQLITE_CONSTRAINT_UNIQUE`).
///
/// Match a code against a primary code with `~=`, which ignores the extended bits:
/// `case .constraint: ...` also matches `SQLITE_CONSTRAINT_UNIQUE`.
public struct SQLiteResultCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The numeric code as SQLite returns it.
    public var rawValue: Int32

    /// Wraps a numeric code.
    /// - Parameter rawValue: the code as SQLite returns it.
    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// The primary code (the low 8 bits), without extended information.
    public var primary: SQLiteResultCode { SQLiteResultCode(rawValue: rawValue & 0xff) }

    /// Successful result.
    public static let ok = SQLiteResultCode(rawValue: SQLITE_OK)
    /// `sqlite3_step` has another row ready.
    public static let row = SQLiteResultCode(rawValue: SQLITE_ROW)
    /// `sqlite3_step` has finished executing.
    public static let done = SQLiteResultCode(rawValue: SQLITE_DONE)
    /// The database file is locked by another connection.
    public static let busy = SQLiteResultCode(rawValue: SQLITE_BUSY)
    /// A constraint was violated.
    public static let constraint = SQLiteResultCode(rawValue: SQLITE_CONSTRAINT)
    /// The disk is full.
    public static let full = SQLiteResultCode(rawValue: SQLITE_FULL)
    /// A disk I/O error occurred.
    public static let ioError = SQLiteResultCode(rawValue: SQLITE_IOERR)
    /// The file is not a database, or is damaged.
    public static let corrupt = SQLiteResultCode(rawValue: SQLITE_CORRUPT)
    /// The database could not be opened.
    public static let cannotOpen = SQLiteResultCode(rawValue: SQLITE_CANTOPEN)
    /// Generic error, such as an SQL syntax error or a missing table.
    public static let error = SQLiteResultCode(rawValue: SQLITE_ERROR)

    /// Whether `code`'s primary code is `pattern`'s primary code.
    /// - Parameters:
    ///   - pattern: the code to match, usually a primary code.
    ///   - code: the code SQLite returned.
    /// - Returns: `true` when the primary codes are equal.
    public static func ~= (pattern: SQLiteResultCode, code: SQLiteResultCode) -> Bool {
        pattern.primary == code.primary
    }

    /// SQLite's English description of the code, such as `database or disk is full`.
    public var description: String {
        String(cString: sqlite3_errstr(rawValue))
    }
}
