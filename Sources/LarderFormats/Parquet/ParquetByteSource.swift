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
    /// Reads `count` bytes at `offset` into the start of `buffer`, growing it when it is too
    /// small, so one buffer serves many reads.
    /// - Throws: ``ParquetCorruption`` when the bytes cannot be read.
    func read(offset: Int, count: Int, into buffer: inout [UInt8]) throws
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
            try read(offset: offset, count: count, into: UnsafeMutableRawPointer(buffer.baseAddress))
            initialized = count
        }
    }

    func read(offset: Int, count: Int, into buffer: inout [UInt8]) throws {
        if buffer.count < count { buffer = [UInt8](repeating: 0, count: count) }
        try buffer.withUnsafeMutableBytes { try read(offset: offset, count: count, into: $0.baseAddress) }
    }

    private func read(offset: Int, count: Int, into target: UnsafeMutableRawPointer?) throws {
        guard let target else { return }
        var done = 0
        while done < count {
            let result = pread(descriptor, target + done, count - done, off_t(offset + done))
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else {
                throw ParquetCorruption(
                    result == 0
                        ? "the file ends at byte \(offset + done), before the \(count) bytes its metadata points to"
                        : "cannot read the file: \(String(cString: strerror(errno)))")
            }
            done += result
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

    func read(offset: Int, count: Int, into buffer: inout [UInt8]) throws {
        if buffer.count < count { buffer = [UInt8](repeating: 0, count: count) }
        buffer.replaceSubrange(0..<count, with: bytes[offset..<offset + count])
    }
}

@available(*, unavailable)
extension ParquetFileSource: Sendable {}

@available(*, unavailable)
extension ParquetMemorySource: Sendable {}
