internal import CLMDB
import LarderStores

/// An LMDB read-write transaction, aborted in `deinit` unless it was committed.
///
/// LMDB allows one write transaction at a time per environment; it must stay on the thread
/// that began it, so it is created, used and finished within one synchronous call.
final class LMDBWriteTransaction: LMDBTransaction {
    /// The environment being written.
    let environment: LMDBEnvironment
    /// The `MDB_txn *`, or `nil` once committed or aborted.
    private var handle: OpaquePointer?

    /// Begins a write transaction, waiting for any other writer to finish.
    /// - Parameter environment: the environment to write.
    /// - Throws: ``OnlineStoreError``; `.mapResized` when another process grew the map.
    init(environment: LMDBEnvironment) throws {
        self.environment = environment
        var begun: OpaquePointer?
        try environment.check(mdb_txn_begin(environment.handle, nil, 0, &begun), "beginning a write transaction")
        handle = begun
    }

    deinit {
        if let handle { mdb_txn_abort(handle) }
    }

    /// Stores a value under a key, replacing any previous one.
    /// - Parameters:
    ///   - database: the database handle.
    ///   - key: the key bytes.
    ///   - value: the value bytes.
    ///   - append: whether the key sorts after every key in the database, which lets LMDB
    ///     add it at the end without a search (`MDB_APPEND`).
    /// - Throws: ``OnlineStoreError``; `.mapFull` when the map must grow.
    func put(
        _ database: UInt32, key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer, append: Bool = false
    ) throws {
        var keyValue = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var data = MDB_val(mv_size: value.count, mv_data: UnsafeMutableRawPointer(mutating: value.baseAddress))
        try environment.check(
            mdb_put(try liveHandle(), database, &keyValue, &data, append ? UInt32(MDB_APPEND) : 0), "writing a key")
    }

    /// Empties a database, or deletes it and closes its handle.
    /// - Parameters:
    ///   - database: the database handle.
    ///   - delete: `true` deletes the database itself; `false` only removes its entries.
    /// - Throws: ``OnlineStoreError``.
    func drop(_ database: UInt32, delete: Bool) throws {
        try environment.check(mdb_drop(try liveHandle(), database, delete ? 1 : 0), "dropping a database")
    }

    /// Commits every change. The transaction is finished whether or not this succeeds.
    /// - Throws: ``OnlineStoreError``; `.mapFull` when the map must grow.
    func commit() throws {
        let transaction = try liveHandle()
        handle = nil
        try environment.check(mdb_txn_commit(transaction), "committing a write transaction")
    }

    /// Discards every change.
    func abort() {
        if let handle { mdb_txn_abort(handle) }
        handle = nil
    }

    /// The live `MDB_txn *`.
    /// - Throws: ``OnlineStoreError`` when the transaction was committed or aborted.
    func liveHandle() throws -> OpaquePointer {
        guard let handle else {
            throw OnlineStoreError(
                .storage(LMDBResultCode.invalid.rawValue),
                "online store at '\(environment.path)': the write transaction has already ended")
        }
        return handle
    }
}

@available(*, unavailable)
extension LMDBWriteTransaction: Sendable {}
