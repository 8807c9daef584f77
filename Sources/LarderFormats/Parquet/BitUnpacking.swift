/// Reading little-endian bit-packed integers (least significant bit first), as the RLE hybrid,
/// DELTA_BINARY_PACKED and boolean encodings store them.
enum BitUnpacking {
    /// Loads eight bytes at `offset` as a little-endian integer, padding with zeros past `count`.
    @inline(__always)
    static func load64(_ base: UnsafePointer<UInt8>, count: Int, at offset: Int) -> UInt64 {
        if offset + 8 <= count {
            return UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
        }
        var value: UInt64 = 0
        var index = offset
        while index < count {
            value |= UInt64(base[index]) << (8 * UInt64(index - offset))
            index += 1
        }
        return value
    }

    /// Unpacks `count` values of `width` bits (0...64) starting at bit `bitOffset`.
    /// The caller guarantees `bitOffset + count * width <= byteCount * 8`.
    /// - Parameters:
    ///   - base: the packed bytes.
    ///   - byteCount: how many bytes may be read.
    ///   - bitOffset: the bit where the first value starts.
    ///   - width: bits per value.
    ///   - count: values to unpack.
    ///   - output: receives the values, truncated to `T`.
    static func unpack<T: FixedWidthInteger>(
        _ base: UnsafePointer<UInt8>, byteCount: Int, bitOffset: Int, width: Int, count: Int,
        into output: UnsafeMutablePointer<T>
    ) {
        if width == 0 {
            output.update(repeating: 0, count: count)
            return
        }
        let mask: UInt64 = width == 64 ? ~0 : (1 << UInt64(width)) - 1
        var bit = bitOffset
        var index = 0
        if width <= 56 {
            // Fast path: one unaligned load per value while eight bytes remain.
            let safeEnd = (byteCount - 8) * 8
            while index < count && bit <= safeEnd {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + (bit >> 3)).loadUnaligned(as: UInt64.self))
                output[index] = T(truncatingIfNeeded: (word >> UInt64(bit & 7)) & mask)
                bit += width
                index += 1
            }
        }
        while index < count {
            let byte = bit >> 3, shift = UInt64(bit & 7)
            var word = load64(base, count: byteCount, at: byte) >> shift
            if shift > 0 && Int(shift) + width > 64 {
                word |= UInt64(byte + 8 < byteCount ? base[byte + 8] : 0) << (64 - shift)
            }
            output[index] = T(truncatingIfNeeded: word & mask)
            bit += width
            index += 1
        }
    }

    /// The number of bits needed to store `value`.
    static func bitWidth(of value: UInt64) -> Int {
        64 - value.leadingZeroBitCount
    }
}
