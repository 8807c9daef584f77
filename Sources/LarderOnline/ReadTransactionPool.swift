import Synchronization
import LarderStores

/// A small pool of reset read transactions, so a read renews one instead of beginning one.
///
/// A transaction is checked out for the length of one read call and returned reset, so no
/// snapshot is held between calls (a held snapshot would stop LMDB from reusing pages).
final class ReadTransactionPool: Sendable {
    private let environment: LMDBEnvironment
    private let idle: Mutex<[LMDBReadTransaction]>
    private let capacity: Int

    /// Creates an empty pool.
    /// - Parameters:
    ///   - environment: the environment the transactions read.
    ///   - capacity: how many reset transactions to keep; more are aborted when returned.
    init(environment: LMDBEnvironment, capacity: Int) {
        self.environment = environment
        self.capacity = max(capacity, 1)
        idle = Mutex([])
        idle.withLock { $0.reserveCapacity(self.capacity) }
    }

    /// Runs `body` with a renewed read transaction and resets it afterwards.
    /// - Parameter body: the reads; it must not keep the transaction or bytes read through it.
    /// - Returns: what `body` returns.
    /// - Throws: ``OnlineStoreError`` (`.mapResized` when another process grew the map), or
    ///   what `body` throws.
    @inline(__always)
    func withTransaction<Result>(_ body: (LMDBReadTransaction) throws -> Result) throws -> Result {
        let transaction = try checkOut()
        defer { checkIn(transaction) }
        return try body(transaction)
    }

    /// Aborts every idle transaction; called before the map is resized.
    func drain() {
        // Taken out under the lock, aborted (released) after it.
        let drained = idle.withLock { idle -> [LMDBReadTransaction] in
            defer { idle.removeAll(keepingCapacity: true) }
            return idle
        }
        withExtendedLifetime(drained) {}
    }

    private func checkOut() throws -> LMDBReadTransaction {
        if let pooled = idle.withLock({ $0.popLast() }) {
            // A failed renew leaves the transaction unusable; it is aborted when released here.
            try pooled.renew()
            return pooled
        }
        return try LMDBReadTransaction(environment: environment)
    }

    private func checkIn(_ transaction: LMDBReadTransaction) {
        transaction.reset()
        // A transaction the full pool does not take is aborted when released, after the lock.
        let surplus: LMDBReadTransaction? = idle.withLock { idle in
            guard idle.count < capacity else { return transaction }
            idle.append(transaction)
            return nil
        }
        withExtendedLifetime(surplus) {}
    }
}
