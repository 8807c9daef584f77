import LarderStores
/// Finding and opening the named databases that hold views.
extension LMDBOnlineStore {
    /// A stored view database.
    struct StoredDatabase {
        /// The database name.
        var name: String
        /// The view it belongs to.
        var view: String
        /// The schema version its rows were written with.
        var version: UInt64
    }

    /// Every view database in the store, read from the main database.
    /// - Parameter transaction: any open transaction.
    /// - Returns: the databases, in name order.
    /// - Throws: ``OnlineStoreError``.
    func storedDatabases(in transaction: some LMDBTransaction) throws -> [StoredDatabase] {
        var found: [StoredDatabase] = []
        try transaction.forEachKey(try transaction.openMainDatabase()) { key in
            let name = String(decoding: key, as: UTF8.self)
            if let (view, version) = DatabaseNaming.parse(name) {
                found.append(StoredDatabase(name: name, view: view, version: version))
            }
        }
        return found
    }

    /// Opens, in a short write transaction of its own, the database of a view's current
    /// version (creating it) and those of its other versions, so the write transaction that
    /// follows uses handles without opening databases itself. The caller holds ``writer``
    /// and is inside the gate.
    /// - Parameters:
    ///   - view: the view.
    ///   - slot: the slot of the current version's database.
    /// - Returns: the current version's handle, and the handles of other stored versions.
    /// - Throws: ``OnlineStoreError``.
    func openForWriting(_ view: OnlineViewSchema, slot: DatabaseSlot) throws -> (current: UInt32, others: [UInt32]) {
        try databaseLock.withLock { _ in
            let transaction = try LMDBWriteTransaction(environment: environment)
            let others = try storedDatabases(in: transaction)
                .filter { $0.view == view.name && $0.name != slot.name }
                .compactMap { try transaction.openDatabase(named: $0.name) }
            guard let current = try transaction.openDatabase(named: slot.name, create: true) else {
                throw OnlineStoreError.storage(.notFound, "creating database '\(slot.name)'", path: path)
            }
            try transaction.commit()
            slot.resolve(current)
            return (current, others)
        }
    }

    /// Runs `body` in a write transaction that may open databases, then commits it. The
    /// caller holds ``writer``; the database lock is held until the commit, as LMDB requires.
    /// - Parameter body: the work; it receives the transaction.
    /// - Returns: what `body` returns.
    /// - Throws: ``OnlineStoreError``, or what `body` throws (nothing is committed then).
    func withCatalogWrite<Result>(_ body: (LMDBWriteTransaction) throws -> Result) throws -> Result {
        try withMapRetries(growOnFull: true) {
            try databaseLock.withLock { _ in
                let transaction = try LMDBWriteTransaction(environment: environment)
                let result = try body(transaction)
                try transaction.commit()
                return result
            }
        }
    }
}
