#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that readers never see it half-written: bytes go to a temporary file
/// beside the destination, which replaces the destination only when ``commit()`` succeeds.
/// If the output is dropped without a commit, the temporary file is removed.
final class AtomicFileOutput {
    /// The destination path.
    let path: String
    private let temporaryPath: String
    private var descriptor: Int32
    private var pending: [UInt8] = []
    private let flushThreshold: Int

    /// Creates the temporary file.
    /// - Parameters:
    ///   - path: where the finished file goes.
    ///   - flushThreshold: bytes to hold before writing them out.
    /// - Throws: ``FormatError`` when the temporary file cannot be created.
    init(path: String, flushThreshold: Int = 1 << 20) throws(FormatError) {
        self.path = path
        self.flushThreshold = flushThreshold
        temporaryPath = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw FormatError(file: path, "cannot create \(temporaryPath): \(currentSystemErrorText())")
        }
        pending.reserveCapacity(flushThreshold + 4096)
    }

    deinit {
        if descriptor >= 0 {
            close(descriptor)
            unlink(temporaryPath)
        }
    }

    /// Appends bytes; calls `body` with the pending buffer to fill, and writes it out when it
    /// grows past the threshold.
    /// - Throws: ``FormatError`` when writing fails.
    func append(_ body: (inout [UInt8]) throws(FormatError) -> Void) throws(FormatError) {
        try body(&pending)
        if pending.count >= flushThreshold { try flush() }
    }

    /// Writes the pending bytes, syncs and closes the temporary file, and renames it over the
    /// destination.
    /// - Throws: ``FormatError`` when writing or renaming fails; the destination is then
    ///   unchanged and the temporary file removed.
    func commit() throws(FormatError) {
        guard descriptor >= 0 else { throw FormatError(file: path, "the file is already closed") }
        try flush()
        let synced = fsync(descriptor) == 0
        let syncError = currentSystemErrorText()
        let closed = close(descriptor) == 0
        descriptor = -1
        guard synced, closed else {
            unlink(temporaryPath)
            throw FormatError(file: path, "cannot finish writing: \(synced ? currentSystemErrorText() : syncError)")
        }
        guard rename(temporaryPath, path) == 0 else {
            let reason = currentSystemErrorText()
            unlink(temporaryPath)
            throw FormatError(file: path, "cannot move the finished file into place: \(reason)")
        }
    }

    private func flush() throws(FormatError) {
        var written = 0
        while written < pending.count {
            let count = pending.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FormatError(file: path, "cannot write: \(currentSystemErrorText())")
            }
            written += count
        }
        pending.removeAll(keepingCapacity: true)
    }
}

@available(*, unavailable)
extension AtomicFileOutput: Sendable {}
