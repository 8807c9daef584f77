/// Appending the fixed-width and variable-length pieces of the online encodings.
extension Array where Element == UInt8 {
    /// Appends an integer in little-endian byte order.
    /// - Parameter value: the integer.
    @inline(__always)
    package mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        // Byte by byte: each append inlines to a capacity check and a store, which beats a
        // call to the generic `append(contentsOf:)` for 4 or 8 bytes.
        var rest = value
        for _ in 0..<MemoryLayout<T>.size {
            append(UInt8(truncatingIfNeeded: rest))
            rest >>= 8
        }
    }

    /// Appends an integer in big-endian byte order with the sign bit flipped, so that the
    /// bytes sort (as unsigned bytes) in the integers' numeric order.
    /// - Parameter value: the integer.
    @inline(__always)
    package mutating func appendOrderPreserving<T: FixedWidthInteger & SignedInteger>(_ value: T) {
        let flipped = T.Magnitude(truncatingIfNeeded: value) ^ (T.Magnitude(1) << (T.bitWidth - 1))
        Swift.withUnsafeBytes(of: flipped.bigEndian) { append(contentsOf: $0) }
    }

    /// Appends an unsigned LEB128 number: 7 bits per byte, low bits first, the high bit set
    /// on every byte but the last.
    /// - Parameter value: a non-negative number.
    @inline(__always)
    package mutating func appendVarint(_ value: Int) {
        var rest = UInt64(value)
        while rest >= 0x80 {
            append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        append(UInt8(rest))
    }

    /// Appends a length-prefixed run of bytes: the varint length, then the bytes.
    /// - Parameter bytes: the bytes.
    @inline(__always)
    package mutating func appendLengthPrefixed(_ bytes: some Collection<UInt8>) {
        appendVarint(bytes.count)
        append(contentsOf: bytes)
    }

    /// Appends a string as a varint length followed by its UTF-8 bytes.
    /// - Parameter string: the string.
    @inline(__always)
    package mutating func appendLengthPrefixed(_ string: String) {
        let utf8 = string.utf8
        appendVarint(utf8.count)
        if utf8.withContiguousStorageIfAvailable({ append(contentsOf: $0) }) == nil {
            append(contentsOf: utf8)
        }
    }
}
