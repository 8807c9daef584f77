#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file front to back through one large buffer, so a parser can work on bytes in
/// place and memory stays bounded by the buffer, not the file.
///
/// The valid bytes are `buffer[0..<end]`. A parser that reaches the end of the valid bytes in
/// the middle of an item calls ``refill(keepingFrom:)``, which moves the unfinished tail to
/// the front and reads more after it (growing the buffer when the tail fills it).
final class BufferedFileInput {
    /// The file's path, for errors.
    let path: String
    /// The bytes read so far that have not been discarded.
    private(set) var buffer: UnsafeMutablePointer<UInt8>
    /// The buffer's size.
    private(set) var capacity: Int
    /// One past the last valid byte.
    private(set) var end = 0
    /// Whether the whole file has been read into the buffer.
    private(set) var reachedEndOfFile = false
    private let descriptor: Int32

    /// Opens a file.
    /// - Parameters:
    ///   - path: the file to read.
    ///   - chunkSize: bytes to read at a time.
    /// - Throws: ``FormatError`` when the file cannot be opened.
    init(path: String, chunkSize: Int = 1 << 22) throws(FormatError) {
        self.path = path
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FormatError(file: path, "cannot open: \(currentSystemErrorText())") }
        capacity = max(chunkSize, 4)
        buffer = .allocate(capacity: capacity)
        #if canImport(Glibc)
        _ = posix_fadvise(descriptor, 0, 0, POSIX_FADV_SEQUENTIAL)
        #endif
    }

    deinit {
        close(descriptor)
        buffer.deallocate()
    }

    /// Discards the bytes before `offset`, moves the rest to the front and reads more after
    /// them until the buffer is full or the file ends.
    /// - Parameter offset: the first byte still needed; it moves to index 0.
    /// - Throws: ``FormatError`` when reading fails.
    func refill(keepingFrom offset: Int) throws(FormatError) {
        let kept = end - offset
        if offset > 0, kept > 0 { buffer.update(from: buffer + offset, count: kept) }
        end = kept
        if end == capacity { grow() }
        while end < capacity, !reachedEndOfFile {
            let count = read(descriptor, buffer + end, capacity - end)
            if count < 0 {
                if errno == EINTR { continue }
                throw FormatError(file: path, "cannot read: \(currentSystemErrorText())")
            }
            if count == 0 { reachedEndOfFile = true }
            end += count
        }
    }

    /// Doubles the buffer, keeping its bytes.
    private func grow() {
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
        larger.update(from: buffer, count: end)
        buffer.deallocate()
        buffer = larger
        capacity *= 2
    }
}

@available(*, unavailable)
extension BufferedFileInput: Sendable {}
