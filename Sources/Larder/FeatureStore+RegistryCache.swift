import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A registry read from its file, with the file's identity when it was read.
struct CachedRegistry {
    var modification: timespec
    var size: Int
    var inode: UInt
    var registry: Registry
}

extension FeatureStore {
    /// The applied registry, re-read only when its file changed since the last call (a
    /// `stat` per call), so the serving path sees `apply` without a restart and without
    /// decoding JSON on every request.
    /// - Returns: the registry (empty when nothing was applied).
    /// - Throws: ``RegistryError`` when the file is unreadable.
    public func currentRegistry() throws -> Registry {
        var status = stat()
        guard stat(registryFile.path, &status) == 0 else { return try registry() }
        let identity = (status.st_mtim, Int(status.st_size), UInt(status.st_ino))
        if let cached = cachedRegistry.withLock({ $0 }),
            cached.modification.tv_sec == identity.0.tv_sec, cached.modification.tv_nsec == identity.0.tv_nsec,
            cached.size == identity.1, cached.inode == identity.2
        {
            return cached.registry
        }
        let fresh = try registry()
        cachedRegistry.withLock {
            $0 = CachedRegistry(modification: identity.0, size: identity.1, inode: identity.2, registry: fresh)
        }
        return fresh
    }
}
