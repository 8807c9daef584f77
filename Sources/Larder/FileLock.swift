import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive advisory lock on a file, held while a closure runs, so two commands never
/// change the same registry or store at once.
enum FileLock {
    /// Runs `body` while holding the lock at `path` (created if needed), waiting for another
    /// holder to finish.
    /// - Throws: ``RegistryError`` when the lock file cannot be opened; whatever `body` throws.
    static func withLock<Result>(at path: String, _ body: () throws -> Result) throws -> Result {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let descriptor = open(path, O_RDWR | O_CREAT, 0o644)
        guard descriptor >= 0 else {
            throw RegistryError("\(path): cannot open the lock file: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw RegistryError("\(path): cannot take the lock: \(String(cString: strerror(errno)))")
            }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
