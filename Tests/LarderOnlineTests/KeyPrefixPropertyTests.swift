import LarderTestSupport
import LarderStores
import PropertyBased
import Testing

@testable import LarderOnline

/// A key's 16-byte prefix orders keys as their bytes do, and its hash depends on the key alone.
@Suite struct KeyPrefixPropertyTests {
    /// Two keys of 0 to 24 bytes from a small alphabet (so they often share a prefix), each
    /// placed at some offset of an arena of other bytes.
    static let keyPairs = Generator<([UInt8], [UInt8]), Shrink.None<([UInt8], [UInt8])>> { rng in
        func key() -> [UInt8] {
            (0..<Int.random(in: 0...24, using: &rng)).map { _ in [0, 1, 0x7f, 0x80, 0xff].randomElement(using: &rng)! }
        }
        return (key(), key())
    }

    /// The prefix of `key` read from inside an arena, between bytes that are not the key's.
    static func prefix(_ key: [UInt8], padding: Int) -> KeyPrefix {
        let arena = [UInt8](repeating: 0xAB, count: padding) + key + [UInt8](repeating: 0xCD, count: 9)
        return KeyPrefix(arena, offset: padding, count: key.count)
    }

    @Test func prefixOrderNeverContradictsByteOrder() async {
        await propertyCheck(count: 2000, input: Self.keyPairs, Gen.int(in: 0...9)) { pair, padding in
            let (left, right) = pair
            let (a, b) = (Self.prefix(left, padding: padding), Self.prefix(right, padding: 9 - padding))
            if a < b { #expect(left.lexicographicallyPrecedes(right), "\(left) \(right)") }
            if left.lexicographicallyPrecedes(right) { #expect(!(b < a), "\(left) \(right)") }
            if left.count == right.count, left.count <= KeyPrefix.size {
                #expect((a == b) == (left == right), "\(left) \(right)")
                #expect((a < b) == left.lexicographicallyPrecedes(right), "\(left) \(right)")
            }
        }
    }

    @Test func theHashDependsOnTheKeyAloneNotWhereItIs() async {
        await propertyCheck(count: 1000, input: Self.keyPairs, Gen.int(in: 0...9)) { pair, padding in
            let key = pair.0
            let here = [UInt8](repeating: 0xAB, count: padding) + key
            let there = key + [UInt8](repeating: 0xCD, count: 3)
            let hashes = (
                KeyPrefix(here, offset: padding, count: key.count).hash(here, offset: padding, count: key.count),
                KeyPrefix(there, offset: 0, count: key.count).hash(there, offset: 0, count: key.count)
            )
            #expect(hashes.0 == hashes.1, "\(key)")
        }
    }
}
