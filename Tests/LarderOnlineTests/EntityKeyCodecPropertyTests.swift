import LarderStores
import LarderCore
import LarderTestSupport
import PropertyBased
import Testing

@testable import LarderOnline

/// What the entity key encoding promises: integer and timestamp keys sort numerically as
/// bytes, and a key of several parts is unambiguous.
@Suite struct EntityKeyCodecPropertyTests {
    /// The encoded key of one entity row.
    static func key(_ values: [Value], types: [ValueType]) throws -> [UInt8] {
        let columns = types.indices.map { OnlineColumn(name: "k\($0)", type: types[$0]) }
        var bytes: [UInt8] = []
        try EntityKeyCodec.appendKey(columns: columns, view: "v", count: values.count, to: &bytes) { values[$0] }
        return bytes
    }

    /// The sign of the byte-wise comparison, as LMDB orders keys.
    static func byteOrder(_ left: [UInt8], _ right: [UInt8]) -> Int {
        left == right ? 0 : left.lexicographicallyPrecedes(right) ? -1 : 1
    }

    static func order<T: Comparable>(_ left: T, _ right: T) -> Int {
        left == right ? 0 : left < right ? -1 : 1
    }

    static let int64Pairs = Generator<(Int64, Int64), Shrink.None<(Int64, Int64)>> { rng in
        (ValueGenerators.integer(using: &rng), ValueGenerators.integer(using: &rng))
    }

    @Test func int64KeysSortNumerically() async {
        await propertyCheck(count: 1000, input: Self.int64Pairs) { left, right in
            let bytes = (try Self.key([.int64(left)], types: [.int64]), try Self.key([.int64(right)], types: [.int64]))
            #expect(Self.byteOrder(bytes.0, bytes.1) == Self.order(left, right), "\(left) and \(right)")
        }
    }

    @Test func int32KeysSortNumerically() async {
        await propertyCheck(count: 1000, input: Self.int64Pairs) { left, right in
            let (a, b) = (Int32(truncatingIfNeeded: left), Int32(truncatingIfNeeded: right))
            let bytes = (try Self.key([.int32(a)], types: [.int32]), try Self.key([.int32(b)], types: [.int32]))
            #expect(Self.byteOrder(bytes.0, bytes.1) == Self.order(a, b), "\(a) and \(b)")
        }
    }

    @Test func timestampKeysSortByInstant() async {
        await propertyCheck(count: 1000, input: Self.int64Pairs) { left, right in
            let (a, b) = (Timestamp(nanosecondsSinceEpoch: left), Timestamp(nanosecondsSinceEpoch: right))
            let bytes = (
                try Self.key([.timestamp(a)], types: [.timestamp]), try Self.key([.timestamp(b)], types: [.timestamp])
            )
            #expect(Self.byteOrder(bytes.0, bytes.1) == Self.order(a, b), "\(a) and \(b)")
        }
    }

    /// Two rows of a key of string and bytes parts drawn from a tiny alphabet, so that
    /// different rows whose parts concatenate to the same text (`"a" "bc"`, `"ab" "c"`) are common.
    static let confusableRows = Generator<([ValueType], [Value], [Value]), Shrink.None<([ValueType], [Value], [Value])>>
    { rng in
        let types = (0..<Int.random(in: 1...3, using: &rng)).map { _ in
            Bool.random(using: &rng) ? ValueType.string : .bytes
        }
        func row() -> [Value] {
            types.map { type in
                let letters = (0..<Int.random(in: 0...3, using: &rng)).map { _ in
                    UInt8(ascii: Bool.random(using: &rng) ? "a" : "b")
                }
                return type == .string ? .string(String(decoding: letters, as: UTF8.self)) : .bytes(letters)
            }
        }
        return (types, row(), row())
    }

    @Test func keysOfSeveralPartsAreUnambiguous() async {
        await propertyCheck(count: 2000, input: Self.confusableRows) { types, left, right in
            let same = try Self.key(left, types: types) == Self.key(right, types: types)
            #expect(same == (left == right), "\(left) and \(right)")
        }
    }

    /// Keys of fixed-width parts (integers, timestamps, booleans) sort part by part.
    @Test func keysOfFixedWidthPartsSortPartByPart() async {
        let types: [ValueType] = [.bool, .int32, .timestamp, .int64]
        let rows = Generator<([Value], [Value]), Shrink.None<([Value], [Value])>> { rng in
            // Small ranges, so rows often share their first parts.
            func row() -> [Value] {
                [
                    .bool(Bool.random(using: &rng)), .int32(Int32.random(in: -2...2, using: &rng)),
                    .timestamp(Timestamp(nanosecondsSinceEpoch: Int64.random(in: -2...2, using: &rng))),
                    .int64(ValueGenerators.integer(using: &rng)),
                ]
            }
            return (row(), row())
        }
        await propertyCheck(count: 1000, input: rows) { left, right in
            let expected = zip(left, right).lazy.map { Self.order(Self.rank($0), Self.rank($1)) }.first { $0 != 0 } ?? 0
            let bytes = (try Self.key(left, types: types), try Self.key(right, types: types))
            #expect(Self.byteOrder(bytes.0, bytes.1) == expected, "\(left) and \(right)")
        }
    }

    /// A fixed-width part as a number with the part's order.
    static func rank(_ value: Value) -> Int64 {
        switch value {
        case .bool(let flag): flag ? 1 : 0
        case .int32(let number): Int64(number)
        case .int64(let number): number
        case .timestamp(let instant): instant.nanosecondsSinceEpoch
        default: 0
        }
    }
}
