public import LarderCore
public import PropertyBased

/// Random values of Larder's types for property tests. The cases codecs get wrong come up
/// often: the extreme integers and timestamps, NaN, infinities, signed zeros and subnormals,
/// empty and multi-byte strings, empty lists and nulls inside lists.
public enum ValueGenerators {
    /// Types and one value of each (a tenth of them null), as the features of a row.
    public static let typedValues = Generator<
        [(type: ValueType, value: Value)], Shrink.None<[(type: ValueType, value: Value)]>
    > {
        rng in
        (0..<Int.random(in: 0...12, using: &rng)).map { _ in
            let type = randomType(using: &rng)
            return (type, Double.random(in: 0..<1, using: &rng) < 0.1 ? .null : random(type, using: &rng))
        }
    }

    /// A random type: a scalar type, or (a quarter of the time) a list of one.
    public static func randomType(using rng: inout some RandomNumberGenerator) -> ValueType {
        let scalar = ScalarType.allCases.randomElement(using: &rng)!
        return Int.random(in: 0..<4, using: &rng) == 0 ? .list(scalar) : ValueType(scalar)
    }

    /// A random non-null value of a type; a list's elements are null a quarter of the time.
    /// - Parameters:
    ///   - type: the type.
    ///   - rng: the source of randomness.
    /// - Returns: the value.
    public static func random(_ type: ValueType, using rng: inout some RandomNumberGenerator) -> Value {
        switch type {
        case .bool: return .bool(Bool.random(using: &rng))
        case .int32: return .int32(Int32(truncatingIfNeeded: integer(using: &rng)))
        case .int64: return .int64(integer(using: &rng))
        case .float32:
            let special: [Float] = [
                .nan, -.nan, .infinity, -.infinity, 0, -0, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 1.5,
            ]
            return .float32(
                Bool.random(using: &rng)
                    ? special.randomElement(using: &rng)!
                    : Float(bitPattern: UInt32.random(in: .min ... .max, using: &rng)))
        case .float64:
            let special: [Double] = [
                .nan, -.nan, .infinity, -.infinity, 0, -0, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 0.1,
            ]
            return .float64(
                Bool.random(using: &rng)
                    ? special.randomElement(using: &rng)!
                    : Double(bitPattern: UInt64.random(in: .min ... .max, using: &rng)))
        case .string: return .string(text(using: &rng))
        case .bytes:
            return .bytes((0..<Int.random(in: 0...20, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) })
        case .timestamp: return .timestamp(Timestamp(nanosecondsSinceEpoch: integer(using: &rng)))
        case .list(let element):
            return .list(
                (0..<Int.random(in: 0...6, using: &rng)).map { _ in
                    Int.random(in: 0..<4, using: &rng) == 0 ? .null : random(ValueType(element), using: &rng)
                })
        }
    }

    /// An integer: an edge case half of the time, otherwise any 64-bit integer.
    public static func integer(using rng: inout some RandomNumberGenerator) -> Int64 {
        let edges: [Int64] = [.min, .max, 0, -1, 1, Int64(Int32.min), Int64(Int32.max), Int64(Int32.max) + 1, 255, 256]
        return Bool.random(using: &rng)
            ? edges.randomElement(using: &rng)! : Int64.random(in: .min ... .max, using: &rng)
    }

    /// A string of 0 to 10 characters from ASCII (control characters included), Latin-1,
    /// CJK and emoji, so its UTF-8 has one to four bytes per scalar.
    public static func text(using rng: inout some RandomNumberGenerator) -> String {
        let ranges: [ClosedRange<UInt32>] = [0x00...0x7F, 0x80...0xFF, 0x4E00...0x9FFF, 0x1F600...0x1F64F]
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...10, using: &rng) {
            let range = ranges.randomElement(using: &rng)!
            scalars.append(Unicode.Scalar(UInt32.random(in: range, using: &rng))!)
        }
        return String(scalars)
    }
}

extension Value {
    /// Whether two values are the same, floats compared by their bits (so `-0.0` differs from
    /// `0.0`), except that every NaN matches every NaN.
    /// - Parameter other: the other value.
    /// - Returns: `true` when they are the same.
    public func isIdentical(to other: Value) -> Bool {
        switch (self, other) {
        case (.float32(let a), .float32(let b)): (a.isNaN && b.isNaN) || a.bitPattern == b.bitPattern
        case (.float64(let a), .float64(let b)): (a.isNaN && b.isNaN) || a.bitPattern == b.bitPattern
        case (.list(let a), .list(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.isIdentical(to: $1) }
        default: self == other
        }
    }
}
