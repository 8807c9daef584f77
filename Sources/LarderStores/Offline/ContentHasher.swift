/// A fast non-cryptographic 64-bit hash of a byte stream, for noticing that a file changed.
///
/// Feed it with ``update(_:)`` in chunks whose sizes are multiples of 8 bytes, except the last.
package struct ContentHasher {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    private var lanes: (UInt64, UInt64) = (0x243F_6A88_85A3_08D3, 0x1319_8A2E_0370_7344)
    private var length: UInt64 = 0

    /// A hasher that has seen no bytes.
    package init() {}

    /// Adds bytes to the hash.
    /// - Parameter bytes: the next bytes of the stream.
    package mutating func update(_ bytes: UnsafeRawBufferPointer) {
        let words = bytes.count / 8
        var (a, b) = lanes
        var index = 0
        // Two independent lanes let the multiplications overlap.
        while index + 1 < words {
            a = Self.round(a, bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
            b = Self.round(b, bytes.loadUnaligned(fromByteOffset: index * 8 + 8, as: UInt64.self))
            index += 2
        }
        if index < words {
            a = Self.round(a, bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
        }
        var tail: UInt64 = 0
        for offset in (words * 8)..<bytes.count {
            tail |= UInt64(bytes[offset]) << (UInt64(offset - words * 8) * 8)
        }
        if words * 8 < bytes.count { b = Self.round(b, tail ^ Self.prime3) }
        lanes = (a, b)
        length &+= UInt64(bytes.count)
    }

    /// The hash of everything added so far.
    /// - Returns: the 64-bit hash.
    package func finalize() -> UInt64 {
        var hash = lanes.0 ^ (lanes.1.rotated(by: 29)) ^ length &* Self.prime3
        hash ^= hash >> 33
        hash &*= Self.prime2
        hash ^= hash >> 29
        hash &*= Self.prime3
        hash ^= hash >> 32
        return hash
    }

    private static func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        (lane ^ (word &* prime2)).rotated(by: 31) &* prime1
    }
}

extension UInt64 {
    /// The bits rotated left.
    fileprivate func rotated(by count: UInt64) -> UInt64 {
        (self << count) | (self >> (64 - count))
    }
}
