/// A reusable, growable block of uninitialised memory for decoding one page at a time, so hot
/// loops write through a raw pointer and no page allocates per value.
final class ParquetScratchBuffer<Element: BitwiseCopyable> {
    private(set) var pointer: UnsafeMutablePointer<Element>
    private(set) var capacity: Int

    /// An empty buffer.
    init() {
        capacity = 16
        pointer = .allocate(capacity: capacity)
    }

    deinit { pointer.deallocate() }

    /// Room for at least `count` elements (contents are not preserved).
    /// - Parameter count: the elements needed.
    /// - Returns: the start of the buffer.
    func reserve(_ count: Int) -> UnsafeMutablePointer<Element> {
        if count > capacity {
            pointer.deallocate()
            capacity = max(count, capacity * 2)
            pointer = .allocate(capacity: capacity)
        }
        return pointer
    }
}

@available(*, unavailable)
extension ParquetScratchBuffer: Sendable {}
