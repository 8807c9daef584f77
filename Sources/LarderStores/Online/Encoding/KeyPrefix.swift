/// The first 16 bytes of an encoded key as two big-endian words, zero-padded.
///
/// Comparing prefixes as integers orders keys like comparing their bytes, so keys of up to
/// 16 bytes (every single integer key) are compared and hashed without reading the arena.
package struct KeyPrefix: Hashable, Comparable, Sendable {
    /// How many key bytes the prefix holds.
    package static let size = 16

    /// Bytes 0 to 7.
    package var high: UInt64
    /// Bytes 8 to 15.
    package var low: UInt64

    /// Creates a prefix from its words.
    /// - Parameters:
    ///   - high: bytes 0 to 7, big-endian.
    ///   - low: bytes 8 to 15, big-endian.
    package init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// Reads the prefix of a key.
    /// - Parameters:
    ///   - bytes: the arena holding the key.
    ///   - offset: where the key starts.
    ///   - count: the key's length.
    @inline(__always)
    package init(_ bytes: [UInt8], offset: Int, count: Int) {
        (high, low) = bytes.withUnsafeBytes { raw in
            func word(_ start: Int) -> UInt64 {
                var word: UInt64 = 0
                let available = min(max(count - start, 0), 8)
                if available == 8 {
                    return UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: offset + start, as: UInt64.self))
                }
                for index in 0..<available {
                    word |= UInt64(raw[offset + start + index]) << (56 - 8 * index)
                }
                return word
            }
            return (word(0), word(8))
        }
    }

    /// Orders like the key bytes.
    package static func < (left: KeyPrefix, right: KeyPrefix) -> Bool {
        (left.high, left.low) < (right.high, right.low)
    }

    /// A 32-bit hash of the whole key: the prefix words and, for longer keys, the rest.
    /// - Parameters:
    ///   - bytes: the arena holding the key.
    ///   - offset: where the key starts.
    ///   - count: the key's length.
    /// - Returns: the hash.
    @inline(__always)
    package func hash(_ bytes: [UInt8], offset: Int, count: Int) -> UInt32 {
        var hash = Self.mix(high ^ UInt64(count) &* 0x9E37_79B9_7F4A_7C15)
        hash = Self.mix(hash ^ low)
        if count > Self.size {
            bytes.withUnsafeBytes { raw in
                for index in (offset + Self.size)..<(offset + count) {
                    hash = Self.mix(hash ^ UInt64(raw[index]))
                }
            }
        }
        return UInt32(truncatingIfNeeded: hash >> 32)
    }

    /// A 64-bit finalizer (from MurmurHash3) that spreads every input bit over the output.
    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        var mixed = value
        mixed ^= mixed >> 33
        mixed = mixed &* 0xFF51_AFD7_ED55_8CCD
        mixed ^= mixed >> 33
        mixed = mixed &* 0xC4CE_B9FE_1A85_EC53
        mixed ^= mixed >> 33
        return mixed
    }
}
