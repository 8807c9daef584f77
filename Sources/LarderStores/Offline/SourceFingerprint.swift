#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What identifies a version of a source file: its size, modification time and a hash of its
/// bytes. Size and time are cheap to read; the hash is computed only when they changed.
package struct SourceFingerprint: Hashable, Sendable {
    /// The file's size in bytes.
    package var size: Int64
    /// The file's modification time, in nanoseconds since the epoch.
    package var modifiedNanoseconds: Int64
    /// A 64-bit hash of the file's bytes, in hex; empty when not computed.
    package var contentHash: String

    /// A fingerprint from its parts.
    /// - Parameters:
    ///   - size: the size in bytes.
    ///   - modifiedNanoseconds: the modification time.
    ///   - contentHash: the content hash, or empty.
    package init(size: Int64, modifiedNanoseconds: Int64, contentHash: String) {
        self.size = size
        self.modifiedNanoseconds = modifiedNanoseconds
        self.contentHash = contentHash
    }

    /// The size and modification time of a file, without its hash.
    /// - Parameter path: the file.
    /// - Throws: ``OfflineStoreError`` (`invalidSource`) when the file cannot be examined.
    package static func attributes(of path: String) throws -> SourceFingerprint {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw OfflineStoreError(
                .invalidSource, "\(path): cannot read the source file (\(String(cString: strerror(errno))))")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw OfflineStoreError(.invalidSource, "\(path): the source is not a regular file")
        }
        #if canImport(Darwin)
        let modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #else
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #endif
        return SourceFingerprint(size: Int64(info.st_size), modifiedNanoseconds: modified, contentHash: "")
    }

    /// The full fingerprint of a file: size, modification time and content hash.
    /// - Parameter path: the file.
    /// - Throws: ``OfflineStoreError`` (`invalidSource`) when the file cannot be read.
    package static func of(_ path: String) throws -> SourceFingerprint {
        var fingerprint = try attributes(of: path)
        fingerprint.contentHash = try hashContents(of: path)
        return fingerprint
    }

    /// Whether size and modification time are the same as another fingerprint's.
    package func hasSameAttributes(as other: SourceFingerprint) -> Bool {
        size == other.size && modifiedNanoseconds == other.modifiedNanoseconds
    }

    private static func hashContents(of path: String) throws -> String {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw OfflineStoreError(
                .invalidSource, "\(path): cannot open the source file (\(String(cString: strerror(errno))))")
        }
        defer { close(descriptor) }
        var hasher = ContentHasher()
        let chunkSize = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            // Fill the whole chunk (reads may return less), so only the last chunk has a tail.
            var filled = 0
            while filled < chunkSize {
                let count = read(descriptor, buffer.baseAddress! + filled, chunkSize - filled)
                if count < 0, errno == EINTR { continue }
                guard count >= 0 else {
                    throw OfflineStoreError(
                        .invalidSource, "\(path): cannot read the source file (\(String(cString: strerror(errno))))")
                }
                if count == 0 { break }
                filled += count
            }
            hasher.update(UnsafeRawBufferPointer(rebasing: buffer[0..<filled]))
            if filled < chunkSize { break }
        }
        let hash = String(hasher.finalize(), radix: 16)
        return String(repeating: "0", count: 16 - hash.count) + hash
    }
}
