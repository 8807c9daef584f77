import Foundation
import LarderCore
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The repository's registry: its file, a cached copy for the serving path, and the lock
/// that serializes changes between processes.
///
/// ``current()`` re-reads the file only when its identity (modification time, size, inode)
/// changed, and compares that at most every ``checkInterval``, so a server sees another
/// process's `apply` without a restart and without a system call or JSON decoding on every
/// request. Changes made through this store are seen at once.
final class RegistryStore: Sendable {
    /// A registry read from its file, with the file's identity when it was read.
    private struct Cached {
        var modification: timespec
        var size: Int
        var inode: UInt
        var registry: Registry
        /// When the file's identity was last compared.
        var checkedAt: ContinuousClock.Instant
    }

    /// How long a registry read from the file is used before the file is checked again.
    static let checkInterval = Duration.milliseconds(100)

    /// The registry file.
    let file: RegistryFile
    /// The project, for an empty registry.
    private let project: String
    /// The cached copy, and how many writes this process has made: a copy read before a
    /// write is not cached after it.
    private let cache = Mutex<(cached: Cached?, writes: Int)>((nil, 0))

    /// The registry of a repository.
    /// - Parameters:
    ///   - file: the registry file.
    ///   - project: the project's name, for the empty registry before the first `apply`.
    init(file: RegistryFile, project: String) {
        self.file = file
        self.project = project
    }

    /// The registry as stored now, read from the file; empty when nothing was applied.
    /// - Returns: the registry.
    /// - Throws: ``RegistryError`` when the file is unreadable.
    func read() throws -> Registry {
        try file.read() ?? Registry(project: project)
    }

    /// The registry, re-read only when its file changed (checked at most every
    /// ``checkInterval``).
    /// - Returns: the registry.
    /// - Throws: ``RegistryError`` when the file is unreadable.
    func current() throws -> Registry {
        let now = ContinuousClock.now
        let (known, writes) = cache.withLock { ($0.cached, $0.writes) }
        if let known, now - known.checkedAt < Self.checkInterval {
            return known.registry
        }
        var status = stat()
        guard stat(file.path, &status) == 0 else { return try read() }
        let identity = (status.st_mtim, Int(status.st_size), UInt(status.st_ino))
        if let known,
            known.modification.tv_sec == identity.0.tv_sec, known.modification.tv_nsec == identity.0.tv_nsec,
            known.size == identity.1, known.inode == identity.2
        {
            cache.withLock { $0.cached?.checkedAt = now }
            return known.registry
        }
        let fresh = try read()
        cache.withLock {
            guard $0.writes == writes else { return }
            $0.cached = Cached(
                modification: identity.0, size: identity.1, inode: identity.2, registry: fresh, checkedAt: now)
        }
        return fresh
    }

    /// When the registry ``current()`` would return was last updated, without copying the
    /// registry: the serving path needs only the version to find its plan.
    /// - Returns: the registry's `lastUpdated`.
    /// - Throws: ``RegistryError`` when the file is unreadable.
    func currentVersion() throws -> Timestamp {
        let now = ContinuousClock.now
        // Read in place: binding the cached registry would copy it.
        let recent = cache.withLock { cache -> Timestamp? in
            guard let checkedAt = cache.cached?.checkedAt, now - checkedAt < Self.checkInterval else { return nil }
            return cache.cached?.registry.lastUpdated
        }
        return try recent ?? current().lastUpdated
    }

    /// Runs `body` holding the registry's lock, shared with every process on the repository.
    /// - Parameter body: the change.
    /// - Returns: what `body` returns.
    /// - Throws: ``RegistryError`` when the lock cannot be taken; whatever `body` throws.
    func withLock<Result>(_ body: () throws -> Result) throws -> Result {
        try FileLock.withLock(at: file.path + ".lock", body)
    }

    /// Reads, changes and writes the registry under its lock.
    /// - Parameter change: edits the registry; returns what the caller needs.
    /// - Returns: what `change` returns.
    /// - Throws: ``RegistryError``; whatever `change` throws (nothing is written then).
    func update<Result>(_ change: (inout Registry) throws -> Result) throws -> Result {
        try withLock {
            var registry = try read()
            let result = try change(&registry)
            try write(registry)
            return result
        }
    }

    /// Replaces the registry file and forgets the cached copy, so this process sees the
    /// change at once. Call with the lock held.
    /// - Parameter registry: the new registry.
    /// - Throws: ``RegistryError`` when the file cannot be written.
    func write(_ registry: Registry) throws {
        defer {
            cache.withLock {
                $0.cached = nil
                $0.writes += 1
            }
        }
        try file.write(registry)
    }
}
