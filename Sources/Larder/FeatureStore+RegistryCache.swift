import Foundation
import LarderCore
#if canImport(Glibc)
import Glibc
#endif

/// A registry read from its file, with the file's identity when it was read.
struct CachedRegistry {
    var modification: timespec
    var size: Int
    var inode: UInt
    var registry: Registry
    /// When the file's identity was last compared.
    var checkedAt: ContinuousClock.Instant
}

extension FeatureStore {
    /// How long a registry read from the file is used before the file is checked again.
    /// Changes made through this store are seen at once; another process's `apply` within
    /// this interval.
    static let registryCheckInterval = Duration.milliseconds(100)

    /// The applied registry, re-read only when its file changed (checked at most every
    /// ``registryCheckInterval``), so the serving path sees `apply` without a restart and
    /// without a system call or JSON decoding on every request.
    /// - Returns: the registry (empty when nothing was applied).
    /// - Throws: ``RegistryError`` when the file is unreadable.
    public func currentRegistry() throws -> Registry {
        let now = ContinuousClock.now
        if let recent = cachedRegistry.withLock({ $0 }), now - recent.checkedAt < Self.registryCheckInterval {
            return recent.registry
        }
        var status = stat()
        guard stat(registryFile.path, &status) == 0 else { return try registry() }
        let identity = (status.st_mtim, Int(status.st_size), UInt(status.st_ino))
        if let cached = cachedRegistry.withLock({ $0 }),
            cached.modification.tv_sec == identity.0.tv_sec, cached.modification.tv_nsec == identity.0.tv_nsec,
            cached.size == identity.1, cached.inode == identity.2
        {
            cachedRegistry.withLock { $0?.checkedAt = now }
            return cached.registry
        }
        let fresh = try registry()
        cachedRegistry.withLock {
            $0 = CachedRegistry(
                modification: identity.0, size: identity.1, inode: identity.2, registry: fresh, checkedAt: now)
        }
        return fresh
    }

    /// When the applied registry was last updated, as ``currentRegistry()`` would return it,
    /// without copying the registry: the serving path needs only the version to find its plan.
    /// - Returns: the registry's `lastUpdated`.
    /// - Throws: ``RegistryError`` when the file is unreadable.
    func currentRegistryVersion() throws -> Timestamp {
        let now = ContinuousClock.now
        // Read in place: binding the cached registry would copy it.
        let recent = cachedRegistry.withLock { cached -> Timestamp? in
            guard let checkedAt = cached?.checkedAt, now - checkedAt < Self.registryCheckInterval else { return nil }
            return cached?.registry.lastUpdated
        }
        return try recent ?? currentRegistry().lastUpdated
    }

    /// Replaces the registry file and forgets the cached copy, so this process sees the
    /// change at once. Call with the registry lock held.
    func writeRegistry(_ registry: Registry) throws {
        defer { cachedRegistry.withLock { $0 = nil } }
        try registryFile.write(registry)
    }
}
