/// A bounds-checked cursor over stored bytes: every read past the end fails instead of
/// reading outside the buffer, so a damaged value becomes an error, never a crash.
package struct ByteReader {
    private let bytes: UnsafeRawBufferPointer
    /// The offset of the next byte to read.
    package private(set) var offset: Int = 0

    /// Starts reading at the first byte.
    /// - Parameter bytes: the bytes, which must outlive the reader.
    package init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// Reads one byte.
    /// - Returns: the byte, or `nil` at the end.
    @inline(__always)
    package mutating func byte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// Reads a little-endian integer.
    /// - Returns: the integer, or `nil` when too few bytes remain.
    @inline(__always)
    package mutating func littleEndian<T: FixedWidthInteger>(_: T.Type = T.self) -> T? {
        let size = MemoryLayout<T>.size
        guard bytes.count - offset >= size else { return nil }
        defer { offset += size }
        return T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
    }

    /// Reads an unsigned LEB128 number of at most 9 bytes.
    /// - Returns: the number, or `nil` when it is cut off or too large.
    @inline(__always)
    package mutating func varint() -> Int? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while let next = byte() {
            value |= UInt64(next & 0x7f) << shift
            if next < 0x80 { return value <= UInt64(Int.max) ? Int(value) : nil }
            shift += 7
            if shift > 56 { return nil }
        }
        return nil
    }

    /// Reads a run of bytes.
    /// - Parameter count: how many bytes.
    /// - Returns: the bytes (valid as long as the underlying buffer), or `nil` when too few remain.
    @inline(__always)
    package mutating func bytes(_ count: Int) -> UnsafeRawBufferPointer? {
        guard count >= 0, bytes.count - offset >= count else { return nil }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
    }

    /// Moves past bytes without reading them.
    /// - Parameter count: how many bytes.
    /// - Returns: `false` when too few remain.
    @inline(__always)
    package mutating func skip(_ count: Int) -> Bool {
        guard count >= 0, bytes.count - offset >= count else { return false }
        offset += count
        return true
    }

    /// Whether bit `index` of the bitmap starting at `bitmapOffset` is set (bit 0 is the
    /// least significant bit of the first byte). The caller has checked the bitmap's bounds.
    @inline(__always)
    package func bit(_ index: Int, ofBitmapAt bitmapOffset: Int) -> Bool {
        bytes[bitmapOffset + index >> 3] & (1 << UInt8(index & 7)) != 0
    }
}
