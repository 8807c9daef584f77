package import LarderCore

/// Reading single features out of a stored row.
extension ValueRecordCodec {
    /// Decodes one non-null value of a type.
    /// - Parameters:
    ///   - type: the feature's type.
    ///   - reader: positioned at the value; moved past it.
    /// - Returns: the value, or `nil` when the bytes are cut off or malformed.
    @inline(__always)
    package static func decodeValue(_ type: ValueType, from reader: inout ByteReader) -> Value? {
        switch type {
        case .bool: return reader.byte().map { .bool($0 != 0) }
        case .int32: return reader.littleEndian(Int32.self).map { .int32($0) }
        case .int64: return reader.littleEndian(Int64.self).map { .int64($0) }
        case .float32: return reader.littleEndian(UInt32.self).map { .float32(Float(bitPattern: $0)) }
        case .float64: return reader.littleEndian(UInt64.self).map { .float64(Double(bitPattern: $0)) }
        case .timestamp: return reader.littleEndian(Int64.self).map { .timestamp(Timestamp(nanosecondsSinceEpoch: $0)) }
        case .string:
            guard let count = reader.varint(), let bytes = reader.bytes(count) else { return nil }
            return .string(String(decoding: bytes, as: UTF8.self))
        case .bytes:
            guard let count = reader.varint(), let bytes = reader.bytes(count) else { return nil }
            return .bytes(Array(bytes))
        case .list(let element):
            guard let count = reader.varint(), count <= Int(Int32.max) else { return nil }
            let bitmapOffset = reader.offset
            guard reader.skip((count + 7) / 8) else { return nil }
            let elementType = ValueType(element)
            var elements: [Value] = []
            elements.reserveCapacity(count)
            for position in 0..<count {
                if reader.bit(position, ofBitmapAt: bitmapOffset) {
                    elements.append(.null)
                } else {
                    guard let item = decodeValue(elementType, from: &reader) else { return nil }
                    elements.append(item)
                }
            }
            return .list(elements)
        }
    }

    /// Moves past one non-null value without decoding it.
    /// - Parameters:
    ///   - type: the feature's type.
    ///   - reader: positioned at the value; moved past it.
    /// - Returns: `false` when the bytes are cut off or malformed.
    @inline(__always)
    package static func skipValue(_ type: ValueType, in reader: inout ByteReader) -> Bool {
        switch type {
        case .bool: return reader.skip(1)
        case .int32, .float32: return reader.skip(4)
        case .int64, .float64, .timestamp: return reader.skip(8)
        case .string, .bytes:
            guard let count = reader.varint() else { return false }
            return reader.skip(count)
        case .list(let element):
            guard let count = reader.varint(), count <= Int(Int32.max) else { return false }
            let bitmapOffset = reader.offset
            guard reader.skip((count + 7) / 8) else { return false }
            let elementType = ValueType(element)
            for position in 0..<count where !reader.bit(position, ofBitmapAt: bitmapOffset) {
                guard skipValue(elementType, in: &reader) else { return false }
            }
            return true
        }
    }
}
