#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A temporary file next to a target path, renamed onto the target when committed and removed
/// otherwise, so a failed write never leaves a partial file behind.
final class ParquetFileSink {
    /// The path the finished file takes.
    let target: String
    /// The temporary file's path.
    let temporaryPath: String
    /// The bytes written so far.
    private(set) var offset = 0
    private var descriptor: Int32

    /// Creates the temporary file.
    /// - Parameter target: the final path.
    /// - Throws: ``ParquetCorruption`` when the file cannot be created.
    init(target: String) throws {
        self.target = target
        let slash = target.lastIndex(of: "/")
        let directory = slash.map { String(target[...$0]) } ?? ""
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        var attempt = 0
        while true {
            let candidate = "\(directory).\(name).\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
            let opened = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if opened >= 0 {
                temporaryPath = candidate
                descriptor = opened
                return
            }
            attempt += 1
            guard errno == EEXIST, attempt < 16 else {
                throw ParquetCorruption(
                    "cannot create a temporary file next to it: \(String(cString: strerror(errno)))")
            }
        }
    }

    deinit {
        if descriptor >= 0 {
            close(descriptor)
            unlink(temporaryPath)
        }
    }

    /// Appends bytes.
    /// - Throws: ``ParquetCorruption`` when the write fails (the disk is full, for example).
    func append(_ bytes: [UInt8]) throws {
        guard descriptor >= 0 else { throw ParquetCorruption("the file is already closed") }
        try bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let result = write(descriptor, buffer.baseAddress! + done, buffer.count - done)
                if result < 0 && errno == EINTR { continue }
                guard result > 0 else { throw ParquetCorruption("cannot write: \(String(cString: strerror(errno)))") }
                done += result
            }
        }
        offset += bytes.count
    }

    /// Flushes the file to disk and renames it onto the target.
    /// - Throws: ``ParquetCorruption`` when flushing or renaming fails (the temporary file is removed).
    func commit() throws {
        defer { descriptor = -1 }
        let synced = fsync(descriptor) == 0
        let closed = close(descriptor) == 0
        guard synced, closed, rename(temporaryPath, target) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw ParquetCorruption("cannot finish the file: \(message)")
        }
    }

    /// Closes and removes the temporary file.
    func discard() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        unlink(temporaryPath)
        descriptor = -1
    }
}

@available(*, unavailable)
extension ParquetFileSink: Sendable {}
