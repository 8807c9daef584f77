internal import CSQLite
import LarderStores

/// A compiled SQL statement, finalized when the object goes away.
///
/// Parameters are numbered from 1 and result columns from 0, as in SQLite's C API.
final class SQLiteStatement {
    /// The C handle, owned by this object.
    let handle: OpaquePointer
    /// The SQL text, for error messages.
    let sql: String
    /// The database handle, which stays open while the statement lives (`sqlite3_close_v2`).
    private let database: OpaquePointer
    /// The database file, for error messages.
    private let path: String

    init(handle: OpaquePointer, database: OpaquePointer, path: String, sql: String) {
        self.handle = handle
        self.database = database
        self.path = path
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Advances to the next result row.
    /// - Returns: `true` when a row is ready, `false` when the statement has finished.
    /// - Throws: ``SQLiteError`` naming the SQL when execution fails.
    @discardableResult
    func step() throws -> Bool {
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE { return false }
        throw SQLiteError(database: database, code: code, sql: sql, path: path)
    }

    /// Runs a statement that returns no rows to completion, then resets it.
    /// - Throws: ``SQLiteError`` naming the SQL when execution fails.
    func run() throws {
        defer { reset() }
        try step()
    }

    /// Rewinds the statement so it can run again; bindings are kept.
    func reset() {
        sqlite3_reset(handle)
    }

    /// Sets every parameter back to NULL.
    func clearBindings() {
        sqlite3_clear_bindings(handle)
    }

    /// Binds an integer.
    /// - Parameters:
    ///   - value: the integer.
    ///   - index: the parameter, from 1.
    /// - Throws: ``SQLiteError`` when the parameter does not exist.
    func bind(_ value: Int64, at index: Int32) throws {
        try check(sqlite3_bind_int64(handle, index, value))
    }

    /// Binds a floating-point number.
    /// - Parameters:
    ///   - value: the number.
    ///   - index: the parameter, from 1.
    /// - Throws: ``SQLiteError`` when the parameter does not exist.
    func bind(_ value: Double, at index: Int32) throws {
        try check(sqlite3_bind_double(handle, index, value))
    }

    /// Binds a copy of text.
    /// - Parameters:
    ///   - value: the text.
    ///   - index: the parameter, from 1.
    /// - Throws: ``SQLiteError`` when the parameter does not exist.
    func bind(_ value: String, at index: Int32) throws {
        var value = value
        try value.withUTF8 { try bindText($0, at: index) }
    }

    /// Binds a copy of UTF-8 bytes as text.
    /// - Parameters:
    ///   - bytes: UTF-8 text.
    ///   - index: the parameter, from 1.
    /// - Throws: ``SQLiteError`` when the parameter does not exist.
    func bindText(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int32) throws {
        // Empty text needs a non-null pointer, or SQLite stores NULL.
        let empty: CChar = 0
        let code = withUnsafePointer(to: empty) { placeholder in
            bytes.withMemoryRebound(to: CChar.self) {
                larder_sqlite3_bind_text_copy(handle, index, $0.baseAddress ?? placeholder, Int32(clamping: $0.count))
            }
        }
        try check(code)
    }

    /// Binds a copy of bytes as a blob.
    /// - Parameters:
    ///   - bytes: the bytes.
    ///   - index: the parameter, from 1.
    /// - Throws: ``SQLiteError`` when the parameter does not exist.
    func bindBlob(_ bytes: UnsafeRawBufferPointer, at index: Int32) throws {
        // A zero-length blob needs a non-null pointer, or SQLite stores NULL.
        let empty: UInt8 = 0
        try withUnsafePointer(to: empty) { placeholder in
            try check(
                larder_sqlite3_bind_blob_copy(
                    handle, index, bytes.baseAddress ?? UnsafeRawPointer(placeholder), Int32(clamping: bytes.count)))
        }
    }

    /// Binds bytes as text or a blob without copying them: they must stay valid until the
    /// parameter is bound again or ``clearBindings()`` is called. Empty values are copied
    /// (SQLite needs a non-null pointer for them).
    /// - Parameters:
    ///   - bytes: UTF-8 text, or a blob's bytes.
    ///   - asText: whether to bind text rather than a blob.
    ///   - index: the parameter, from 1.
    /// - Throws: ``SQLiteError`` when the parameter does not exist.
    func bindInPlace(_ bytes: UnsafeRawBufferPointer, asText: Bool, at index: Int32) throws {
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            if asText {
                return try bindText(bytes.assumingMemoryBound(to: UInt8.self), at: index)
            }
            return try bindBlob(bytes, at: index)
        }
        let length = Int32(clamping: bytes.count)
        try check(
            asText
                ? larder_sqlite3_bind_text_static(handle, index, base.assumingMemoryBound(to: CChar.self), length)
                : larder_sqlite3_bind_blob_static(handle, index, base, length))
    }

    /// Binds NULL.
    /// - Parameter index: the parameter, from 1.
    /// - Throws: ``SQLiteError`` when the parameter does not exist.
    func bindNull(at index: Int32) throws {
        try check(sqlite3_bind_null(handle, index))
    }

    /// Whether result column `index` of the current row is NULL.
    func isNull(at index: Int32) -> Bool {
        sqlite3_column_type(handle, index) == SQLITE_NULL
    }

    /// Result column `index` of the current row as an integer.
    func int64(at index: Int32) -> Int64 {
        sqlite3_column_int64(handle, index)
    }

    /// Result column `index` of the current row as a floating-point number.
    func double(at index: Int32) -> Double {
        sqlite3_column_double(handle, index)
    }

    /// Result column `index` of the current row as text.
    func string(at index: Int32) -> String {
        guard let text = sqlite3_column_text(handle, index) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    /// Calls `body` with the bytes of result column `index` of the current row (text or blob).
    /// The bytes are valid only during the call.
    func withBytes<Result>(at index: Int32, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        let pointer = sqlite3_column_blob(handle, index)
        let count = Int(sqlite3_column_bytes(handle, index))
        return try body(UnsafeRawBufferPointer(start: pointer, count: pointer == nil ? 0 : count))
    }

    private func check(_ code: Int32) throws {
        if code != SQLITE_OK { throw SQLiteError(database: database, code: code, sql: sql, path: path) }
    }
}

@available(*, unavailable)
extension SQLiteStatement: Sendable {}
