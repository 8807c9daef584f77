internal import LarderCore
import LarderStores

extension SQLiteStatement {
    /// Binds a feature or key value in the store's representation of its declared type:
    /// integers, booleans and timestamps (nanoseconds) as integers, floats as reals, strings as
    /// text, bytes and lists (``ListValueCodec``) as blobs.
    /// - Parameters:
    ///   - value: the value; `.null` binds NULL.
    ///   - type: the declared type.
    ///   - index: the parameter, from 1.
    /// - Returns: `false` when the value is null or does not convert to the type (NULL bound).
    /// - Throws: ``SQLiteError`` when the parameter does not exist.
    @discardableResult
    func bind(_ value: Value, as type: ValueType, at index: Int32) throws -> Bool {
        switch (type, value) {
        case (.bool, .bool(let v)): try bind(Int64(v ? 1 : 0), at: index)
        case (.int32, _), (.int64, _):
            guard let v = value.int64Value else { return try bindNullReportingFalse(at: index) }
            try bind(v, at: index)
        case (.float32, _), (.float64, _):
            guard let v = value.doubleValue else { return try bindNullReportingFalse(at: index) }
            try bind(type == .float32 ? Double(Float(v)) : v, at: index)
        case (.timestamp, .timestamp(let v)): try bind(v.nanosecondsSinceEpoch, at: index)
        case (.string, .string(let v)): try bind(v, at: index)
        case (.bytes, .bytes(let v)): try v.withUnsafeBytes { try bindBlob($0, at: index) }
        case (.list(let element), .list(let elements)):
            try ListValueCodec.encode(elements, element: element).withUnsafeBytes { try bindBlob($0, at: index) }
        default: return try bindNullReportingFalse(at: index)
        }
        return true
    }

    /// Result column `index` of the current row as a value of the declared type.
    /// - Parameters:
    ///   - index: the result column, from 0.
    ///   - type: the declared type the column was written with.
    /// - Returns: the value; `.null` for NULL (or a damaged list blob).
    func value(at index: Int32, as type: ValueType) -> Value {
        if isNull(at: index) { return .null }
        switch type {
        case .bool: return .bool(int64(at: index) != 0)
        case .int32: return .int32(Int32(truncatingIfNeeded: int64(at: index)))
        case .int64: return .int64(int64(at: index))
        case .float32: return .float32(Float(double(at: index)))
        case .float64: return .float64(double(at: index))
        case .timestamp: return .timestamp(Timestamp(nanosecondsSinceEpoch: int64(at: index)))
        case .string: return .string(string(at: index))
        case .bytes: return .bytes(withBytes(at: index) { Array($0) })
        case .list(let element):
            return withBytes(at: index) { ListValueCodec.decode($0, element: element) }.map { .list($0) } ?? .null
        }
    }

    private func bindNullReportingFalse(at index: Int32) throws -> Bool {
        try bindNull(at: index)
        return false
    }
}
