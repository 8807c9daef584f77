internal import CLMDB
import LarderStores

/// What read-only and read-write LMDB transactions share: lookups, statistics, iteration
/// and opening databases.
protocol LMDBTransaction: AnyObject {
    /// The environment the transaction belongs to.
    var environment: LMDBEnvironment { get }
    /// The live `MDB_txn *`.
    /// - Throws: ``OnlineStoreError`` when the transaction has already ended.
    func liveHandle() throws -> OpaquePointer
}

extension LMDBTransaction {
    /// Reads a value; the bytes stay valid until the transaction writes again, is reset or ends.
    /// - Parameters:
    ///   - database: the database handle.
    ///   - key: the key bytes.
    /// - Returns: the value bytes, or `nil` when the key is absent.
    /// - Throws: ``OnlineStoreError`` on a failure other than a missing key.
    @inline(__always)
    func get(_ database: UInt32, key: UnsafeRawBufferPointer) throws -> UnsafeRawBufferPointer? {
        var keyValue = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var data = MDB_val()
        let code = mdb_get(try liveHandle(), database, &keyValue, &data)
        if code == MDB_SUCCESS { return UnsafeRawBufferPointer(start: data.mv_data, count: data.mv_size) }
        if code == MDB_NOTFOUND { return nil }
        try environment.check(code, "reading a key")
        return nil
    }

    /// Opens a named database, creating it when asked (only a write transaction can create).
    ///
    /// The caller serializes every call that opens databases in this process, and finishes
    /// the transaction before another one opens a database (LMDB's rule for `mdb_dbi_open`).
    /// - Parameters:
    ///   - name: the database name.
    ///   - create: whether to create a missing database.
    /// - Returns: the handle, or `nil` when the database does not exist and `create` is false.
    /// - Throws: ``OnlineStoreError`` on any other failure.
    func openDatabase(named name: String, create: Bool = false) throws -> UInt32? {
        var dbi: MDB_dbi = 0
        let code = mdb_dbi_open(try liveHandle(), name, create ? UInt32(MDB_CREATE) : 0, &dbi)
        if code == MDB_NOTFOUND { return nil }
        try environment.check(code, "opening database '\(name)'")
        return dbi
    }

    /// Opens the main database, whose keys are the names of the named databases.
    /// - Returns: the handle.
    /// - Throws: ``OnlineStoreError``.
    func openMainDatabase() throws -> UInt32 {
        var dbi: MDB_dbi = 0
        try environment.check(mdb_dbi_open(try liveHandle(), nil, 0, &dbi), "opening the main database")
        return dbi
    }

    /// The number of entries in a database.
    /// - Parameter database: the database handle.
    /// - Returns: the entry count.
    /// - Throws: ``OnlineStoreError``.
    func entryCount(_ database: UInt32) throws -> Int {
        var stat = MDB_stat()
        try environment.check(mdb_stat(try liveHandle(), database, &stat), "reading database statistics")
        return stat.ms_entries
    }

    /// Calls `body` with every key of a database, in key order.
    /// - Parameters:
    ///   - database: the database handle.
    ///   - body: receives each key's bytes (valid only during the call).
    /// - Throws: ``OnlineStoreError``, or what `body` throws.
    func forEachKey(_ database: UInt32, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        var cursor: OpaquePointer?
        try environment.check(mdb_cursor_open(try liveHandle(), database, &cursor), "opening a cursor")
        defer { mdb_cursor_close(cursor) }
        var key = MDB_val()
        var data = MDB_val()
        var code = mdb_cursor_get(cursor, &key, &data, MDB_FIRST)
        while code == MDB_SUCCESS {
            try body(UnsafeRawBufferPointer(start: key.mv_data, count: key.mv_size))
            code = mdb_cursor_get(cursor, &key, &data, MDB_NEXT)
        }
        if code != MDB_NOTFOUND { try environment.check(code, "iterating a database") }
    }
}
