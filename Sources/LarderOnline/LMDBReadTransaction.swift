internal import CLMDB
import LarderStores

/// An LMDB read-only transaction: a consistent snapshot of the store.
///
/// Between uses it is reset (it keeps its reader slot but pins no snapshot) and renewed on
/// the next use, which is much cheaper than beginning a new one. It is aborted in `deinit`
/// unless it was committed.
///
/// `@unchecked Sendable` because the environment is opened with `MDB_NOTLS`, which lets a
/// read transaction move between threads, and ``ReadTransactionPool`` hands each one to a
/// single caller at a time.
final class LMDBReadTransaction: LMDBTransaction, @unchecked Sendable {
    /// The environment being read.
    let environment: LMDBEnvironment
    /// The `MDB_txn *`, or `nil` once committed.
    private var handle: OpaquePointer?

    /// Begins a read-only transaction.
    /// - Parameter environment: the environment to read.
    /// - Throws: ``OnlineStoreError``; `.mapResized` when another process grew the map, or
    ///   `.readersFull` when every reader slot is taken.
    init(environment: LMDBEnvironment) throws {
        self.environment = environment
        var begun: OpaquePointer?
        try environment.check(
            mdb_txn_begin(environment.handle, nil, UInt32(MDB_RDONLY), &begun), "beginning a read transaction")
        handle = begun
    }

    deinit {
        if let handle { mdb_txn_abort(handle) }
    }

    /// Releases the snapshot while keeping the reader slot for the next ``renew()``.
    func reset() {
        if let handle { mdb_txn_reset(handle) }
    }

    /// Takes a fresh snapshot after ``reset()``.
    /// - Throws: ``OnlineStoreError``; `.mapResized` when another process grew the map (the
    ///   transaction is then unusable).
    func renew() throws {
        try environment.check(mdb_txn_renew(try liveHandle()), "renewing a read transaction")
    }

    /// Ends the transaction, keeping the handles of databases it opened for the whole process.
    /// - Throws: ``OnlineStoreError``.
    func commit() throws {
        let transaction = try liveHandle()
        handle = nil
        try environment.check(mdb_txn_commit(transaction), "committing a read transaction")
    }

    /// The live `MDB_txn *`.
    /// - Throws: ``OnlineStoreError`` when the transaction was committed.
    @inline(__always)
    func liveHandle() throws -> OpaquePointer {
        guard let handle else {
            throw OnlineStoreError(
                .storage(LMDBResultCode.invalid.rawValue),
                "online store at '\(environment.path)': the read transaction has already ended")
        }
        return handle
    }
}
