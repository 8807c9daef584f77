#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered writing to standard output, and unbuffered writing to standard error.
struct StandardOutput {
    private var pending: [UInt8] = []

    /// Queues bytes for standard output, writing them out in large pieces.
    /// - Parameter bytes: UTF-8 text.
    mutating func append(_ bytes: [UInt8]) {
        pending.append(contentsOf: bytes)
        if pending.count >= 1 << 16 { flush() }
    }

    /// Writes out everything queued.
    mutating func flush() {
        Self.writeAll(pending, to: STDOUT_FILENO)
        pending.removeAll(keepingCapacity: true)
    }

    /// Writes a message to standard output at once, ahead of anything queued (a line that
    /// must be seen while a long-running command goes on).
    /// - Parameter message: the text.
    static func writeNow(_ message: String) {
        writeAll(Array(message.utf8), to: STDOUT_FILENO)
    }

    /// Writes a message to standard error at once.
    /// - Parameter message: the text.
    static func writeError(_ message: String) {
        writeAll(Array(message.utf8), to: STDERR_FILENO)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return }
            written += count
        }
    }
}
