/// Conversion of decoded integers to the storage layout of their column type.
enum ParquetIntegerConversion {
    /// INT32 values in the layout of `type`.
    /// - Parameters:
    ///   - values: the decoded values.
    ///   - type: the column's type (an integer, a date or a decimal).
    static func storage(_ values: [Int32], as type: ColumnType) throws -> ColumnStorage {
        switch type {
        case .date: return .int32(values)
        case .int(bits: 32, signed: false): return .int64(values.map { Int64(UInt32(bitPattern: $0)) })
        case .int(bits: 64, signed: true), .decimal: return .int64(values.map { Int64($0) })
        case .int(bits: 64, signed: false): return .uint64(values.map { UInt64(UInt32(bitPattern: $0)) })
        case .int: return .int32(values)
        default: throw ParquetCorruption("INT32 values cannot be read as \(type)")
        }
    }

    /// INT64 (or INT96) values in the layout of `type`.
    /// - Parameters:
    ///   - values: the decoded values.
    ///   - type: the column's type (an integer, a timestamp or a decimal).
    static func storage(_ values: [Int64], as type: ColumnType) throws -> ColumnStorage {
        switch type {
        case .timestamp, .decimal, .int(bits: 64, signed: true): return .int64(values)
        case .int(bits: 64, signed: false): return .uint64(values.map { UInt64(bitPattern: $0) })
        case .int(bits: 32, signed: false): return .int64(values.map { Int64(UInt32(truncatingIfNeeded: $0)) })
        case .int: return .int32(values.map { Int32(truncatingIfNeeded: $0) })
        default: throw ParquetCorruption("INT64 values cannot be read as \(type)")
        }
    }
}
