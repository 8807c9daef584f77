/// Builds a chunk's dictionary: the distinct values in first-seen order and each value's index.
enum ParquetDictionaryBuilder {
    /// The largest dictionary page written (1 MiB, as pyarrow); larger chunks are written PLAIN.
    static let maximumBytes = 1 << 20

    /// A dictionary and the index of every value.
    struct Encoded {
        /// The distinct values.
        var dictionary: ParquetPhysicalValues
        /// The index of each value in ``dictionary``.
        var indices: [UInt32]
    }

    /// Dictionary-encodes values, or returns `nil` when the dictionary would be too large or the
    /// type (BOOLEAN) is not worth encoding.
    /// - Parameter values: the non-null values of a chunk.
    static func encode(_ values: ParquetPhysicalValues) -> Encoded? {
        switch values {
        case .boolean: return nil
        case .int32(let values):
            return encodeFixed(values, width: 4).map { Encoded(dictionary: .int32($0.0), indices: $0.1) }
        case .int64(let values):
            return encodeFixed(values, width: 8).map { Encoded(dictionary: .int64($0.0), indices: $0.1) }
        case .float(let values):
            return encodeFixed(values, width: 4).map { Encoded(dictionary: .float($0.0), indices: $0.1) }
        case .double(let values):
            return encodeFixed(values, width: 8).map { Encoded(dictionary: .double($0.0), indices: $0.1) }
        case .bytes(let values): return encodeBytes(values)
        }
    }

    /// Keys fixed-width values by their bit pattern, so -0.0 and 0.0 (and NaNs) stay distinct.
    private static func encodeFixed<T: BitwiseCopyable>(_ values: [T], width: Int) -> ([T], [UInt32])? {
        let most = maximumBytes / width
        var positions = ParquetBitPatternPositions(capacity: min(values.count, most))
        var distinct: [T] = []
        var indices: [UInt32] = []
        indices.reserveCapacity(values.count)
        for value in values {
            let pattern = withUnsafeBytes(of: value) { bytes in
                width == 8 ? bytes.loadUnaligned(as: UInt64.self) : UInt64(bytes.loadUnaligned(as: UInt32.self))
            }
            let (index, added) = positions.position(of: pattern, orAdd: UInt32(distinct.count))
            if added {
                guard distinct.count < most else { return nil }
                distinct.append(value)
            }
            indices.append(index)
        }
        return (distinct, indices)
    }

    private static func encodeBytes(_ values: BinaryValues) -> Encoded? {
        var positions: [ArraySlice<UInt8>: UInt32] = [:]
        var distinct = BinaryValues()
        var indices: [UInt32] = []
        indices.reserveCapacity(values.count)
        var size = 0
        for index in 0..<values.count {
            let value = values[index]
            if let position = positions[value] {
                indices.append(position)
            } else {
                size += 4 + value.count
                guard size <= maximumBytes else { return nil }
                let position = UInt32(distinct.count)
                positions[value] = position
                distinct.append(value)
                indices.append(position)
            }
        }
        return Encoded(dictionary: .bytes(distinct), indices: indices)
    }
}
