public import Logging
import Synchronization
public import LarderStores

/// The online store: the newest feature values per entity key, in LMDB, for lookups in
/// microseconds.
///
/// One LMDB environment (a directory) holds a named database per view and schema version.
/// Writes (``write(view:rows:progress:)``) keep the newer row per key and commit each call
/// atomically; reads (``read(_:entityKeys:now:)``) take one snapshot for all entity rows.
///
/// Thread safety: the store is `Sendable`; any number of threads may read at once, and
/// writes from several threads are serialized. Each read renews a pooled read transaction
/// and resets it before returning, so no snapshot outlives a call. Several processes may
/// open the same store (LMDB locks across processes); a map grown by one is adopted by the
/// others on their next transaction.
public final class LMDBOnlineStore: Sendable {
    /// The directory of the LMDB environment.
    public let path: String
    /// The settings the store was opened with.
    public let configuration: Configuration

    let environment: LMDBEnvironment
    let readers: ReadTransactionPool
    /// Keeps transactions out while the map is resized.
    let gate = ResizeGate()
    /// Serializes this process's writers, so a resize never meets an open write transaction.
    let writer = Mutex<Void>(())
    /// Serializes opening and deleting databases, as LMDB requires within a process.
    let databaseLock = Mutex<Void>(())
    /// The database slot of every view version this process has used.
    let slots = Mutex<[String: DatabaseSlot]>([:])
    let logger: Logger?

    /// Opens the store in a directory, creating the directory and the store when missing.
    /// - Parameters:
    ///   - path: the directory (`online_store.path`).
    ///   - configuration: map size and limits.
    ///   - logger: receives map growth and write summaries; `nil` logs nothing.
    /// - Throws: ``OnlineStoreError`` naming the path when it cannot be opened.
    public init(path: String, configuration: Configuration = .init(), logger: Logger? = nil) throws {
        self.path = path
        self.configuration = configuration
        self.logger = logger
        environment = try LMDBEnvironment(
            path: path, mapSize: configuration.initialMapSize, maxDatabases: configuration.maxDatabases,
            maxReaders: configuration.maxReaders)
        readers = ReadTransactionPool(environment: environment, capacity: configuration.readTransactionPoolSize)
    }

    /// The slot of a database name, created on first use.
    /// - Parameter name: the database name.
    /// - Returns: the slot shared by every plan and write of that view version.
    func slot(named name: String) -> DatabaseSlot {
        slots.withLock { slots in
            if let slot = slots[name] { return slot }
            let slot = DatabaseSlot(name: name)
            slots[name] = slot
            return slot
        }
    }

    /// The database handle of a slot, opening an existing database when the slot does not
    /// know it yet. Called inside the gate.
    /// - Parameter slot: the slot.
    /// - Returns: the handle, or `nil` when the database does not exist (nothing stored).
    /// - Throws: ``OnlineStoreError``.
    func existingDatabase(_ slot: DatabaseSlot) throws -> UInt32? {
        if let dbi = slot.resolved { return dbi }
        return try databaseLock.withLock { _ in
            if let dbi = slot.resolved { return dbi }
            let transaction = try LMDBReadTransaction(environment: environment)
            guard let dbi = try transaction.openDatabase(named: slot.name) else { return nil }
            try transaction.commit()
            slot.resolve(dbi)
            return dbi
        }
    }
}
