import LarderStores
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A readers-writer lock that keeps transactions out while the LMDB map is resized.
///
/// LMDB requires that no transaction of the process is open when `mdb_env_set_mapsize` is
/// called. Every transaction runs inside ``withShared(_:)``; a resize runs inside
/// ``withExclusive(_:)``. Waiting exclusive callers are preferred, so a steady stream of
/// reads cannot starve a resize. Shared sections must not nest.
final class ResizeGate: @unchecked Sendable {
    // `@unchecked Sendable`: the pthread lock is the synchronization; it lives at a stable,
    // heap-allocated address for the lifetime of the gate.
    private let lock: UnsafeMutablePointer<pthread_rwlock_t>

    /// Creates an open gate.
    init() {
        lock = .allocate(capacity: 1)
        var attributes = pthread_rwlockattr_t()
        pthread_rwlockattr_init(&attributes)
        #if canImport(Glibc)
        pthread_rwlockattr_setkind_np(&attributes, Int32(PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP))
        #endif
        pthread_rwlock_init(lock, &attributes)
        pthread_rwlockattr_destroy(&attributes)
    }

    deinit {
        pthread_rwlock_destroy(lock)
        lock.deallocate()
    }

    /// Runs `body` while no resize can happen; many callers may be inside at once.
    /// - Parameter body: the work, which must not enter the gate again.
    /// - Returns: what `body` returns.
    /// - Throws: what `body` throws.
    @inline(__always)
    func withShared<Result>(_ body: () throws -> Result) rethrows -> Result {
        pthread_rwlock_rdlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try body()
    }

    /// Runs `body` once every shared section has left, keeping new ones out until it ends.
    /// - Parameter body: the work, which must not enter the gate again.
    /// - Returns: what `body` returns.
    /// - Throws: what `body` throws.
    func withExclusive<Result>(_ body: () throws -> Result) rethrows -> Result {
        pthread_rwlock_wrlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try body()
    }
}
