internal import LarderCore
internal import LarderStores
internal import NIOCore
internal import PostgresNIO

extension PostgresCell {
    /// The cell as a value of a declared type, stored as ``PostgresTableLayout/sqlType(_:)``
    /// says; SQL null is `.null`.
    /// - Parameter type: the declared type.
    /// - Returns: the value.
    /// - Throws: postgres-nio's decoding error when the cell holds another SQL type.
    func value(as type: ValueType) throws -> Value {
        guard bytes != nil else { return .null }
        switch type {
        case .bool: return .bool(try decode(Bool.self))
        case .int32: return .int32(try decode(Int32.self))
        case .int64: return .int64(try decode(Int64.self))
        case .float32: return .float32(try decode(Float.self))
        case .float64: return .float64(try decode(Double.self))
        case .string: return .string(try decode(String.self))
        case .timestamp: return .timestamp(Timestamp(nanosecondsSinceEpoch: try decode(Int64.self)))
        case .bytes: return .bytes(Array(buffer: try decode(ByteBuffer.self)))
        case .list(let element):
            let buffer = try decode(ByteBuffer.self)
            let elements = buffer.withUnsafeReadableBytes { ListValueCodec.decode($0, element: element) }
            return elements.map(Value.list) ?? .null
        }
    }
}
