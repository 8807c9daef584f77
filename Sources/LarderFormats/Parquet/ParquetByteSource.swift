#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a Parquet file's bytes come from: a file read with `pread`, or bytes in memory.
protocol ParquetByteSource: AnyObject {
    /// The total number of bytes.
    var size: Int { get }
    /// Reads `count` bytes at `offset`; the range lies within ``size``.
    /// - Throws: ``ParquetCorruption`` when the bytes cannot be read.
    func read(offset: Int, count: Int) throws -> [UInt8]
}

/// A file opened read-only; the descriptor is closed when the object goes away.
final class ParquetFileSource: ParquetByteSource {
    private let descriptor: Int32
    let size: Int

    /// Opens a file.
    /// - Parameter path: the file's path.
    /// - Throws: ``ParquetCorruption`` when it cannot be opened or is not a regular file.
    init(path: String) throws {
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw ParquetCorruption("cannot open the file: \(String(cString: strerror(errno)))")
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let message = String(cString: strerror(errno))
            close(descriptor)
            throw ParquetCorruption("cannot read the file's size: \(message)")
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw ParquetCorruption("not a regular file")
        }
        size = Int(status.st_size)
    }

    deinit { close(descriptor) }

    func read(offset: Int, count: Int) throws -> [UInt8] {
        try [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            while done < count {
                let result = pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset + done))
                if result < 0 && errno == EINTR { continue }
                guard result > 0 else {
                    throw ParquetCorruption(result == 0
                        ? "the file ends at byte \(offset + done), before the \(count) bytes its metadata points to"
                        : "cannot read the file: \(String(cString: strerror(errno)))")
                }
                done += result
            }
            initialized = count
        }
    }
}

/// Bytes already in memory, read as if they were a file.
final class ParquetMemorySource: ParquetByteSource {
    private let bytes: [UInt8]
    var size: Int { bytes.count }

    /// A source over `bytes`.
    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    func read(offset: Int, count: Int) throws -> [UInt8] {
        Array(bytes[offset..<offset + count])
    }
}

@available(*, unavailable)
extension ParquetFileSource: Sendable {}

@available(*, unavailable)
extension ParquetMemorySource: Sendable {}
