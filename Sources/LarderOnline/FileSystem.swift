import LarderStores
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file-system calls the online store needs, without Foundation.
enum FileSystem {
    /// Creates a directory and its missing parents; an existing directory is fine.
    /// - Parameter path: the directory.
    /// - Throws: ``OnlineStoreError`` naming the path and the system's reason.
    static func createDirectory(_ path: String) throws {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o755) != 0, case let code = errno, code != EEXIST {
                let reason = String(cString: strerror(code))
                throw OnlineStoreError(
                    .storage(code),
                    "online store at '\(path)': cannot create directory '\(prefix)': \(reason)")
            }
            prefix += "/"
        }
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
            throw OnlineStoreError(
                .storage(ENOTDIR),
                "online store at '\(path)': the path exists and is not a directory")
        }
    }
}
