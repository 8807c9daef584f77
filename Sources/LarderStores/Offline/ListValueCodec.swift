package import LarderCore

/// The blob encoding of a list feature in the offline store: the element count (4 bytes),
/// then per element a presence byte (0 = null) and, when present, the value — fixed-width
/// little-endian numbers (timestamps as nanoseconds), or a 4-byte length and the bytes of a
/// string or bytes value.
package enum ListValueCodec {
    /// Encodes a list's elements.
    /// - Parameters:
    ///   - elements: the elements (scalars or nulls).
    ///   - element: the declared element type.
    /// - Returns: the blob.
    package static func encode(_ elements: [Value], element: ScalarType) -> [UInt8] {
        var bytes: [UInt8] = []
        appendInteger(UInt32(elements.count), to: &bytes)
        for value in elements {
            guard let payload = payload(of: value, as: element) else {
                bytes.append(0)
                continue
            }
            bytes.append(1)
            bytes.append(contentsOf: payload)
        }
        return bytes
    }

    /// Decodes a blob written by ``encode(_:element:)``.
    /// - Parameters:
    ///   - bytes: the blob.
    ///   - element: the declared element type.
    /// - Returns: the elements, or `nil` when the blob is damaged.
    package static func decode(_ bytes: UnsafeRawBufferPointer, element: ScalarType) -> [Value]? {
        var reader = Reader(bytes: bytes)
        guard let count = reader.integer(UInt32.self), Int(count) <= bytes.count else { return nil }
        var values: [Value] = []
        values.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let present = reader.byte() else { return nil }
            guard present != 0 else {
                values.append(.null)
                continue
            }
            guard let value = reader.value(element) else { return nil }
            values.append(value)
        }
        return values
    }

    /// The bytes of one present element converted to the declared element type, or `nil`
    /// for a null (or a value of no convertible type).
    private static func payload(of value: Value, as element: ScalarType) -> [UInt8]? {
        var bytes: [UInt8] = []
        switch (element, value) {
        case (.bool, .bool(let v)): bytes.append(v ? 1 : 0)
        case (.int32, _):
            guard let v = value.int64Value else { return nil }
            appendInteger(Int32(truncatingIfNeeded: v), to: &bytes)
        case (.int64, _):
            guard let v = value.int64Value else { return nil }
            appendInteger(v, to: &bytes)
        case (.float32, _):
            guard let v = value.doubleValue else { return nil }
            appendInteger(Float(v).bitPattern, to: &bytes)
        case (.float64, _):
            guard let v = value.doubleValue else { return nil }
            appendInteger(v.bitPattern, to: &bytes)
        case (.timestamp, .timestamp(let v)): appendInteger(v.nanosecondsSinceEpoch, to: &bytes)
        case (.string, .string(let v)):
            appendInteger(UInt32(v.utf8.count), to: &bytes)
            bytes.append(contentsOf: v.utf8)
        case (.bytes, .bytes(let v)):
            appendInteger(UInt32(v.count), to: &bytes)
            bytes.append(contentsOf: v)
        default: return nil
        }
        return bytes
    }

    private static func appendInteger<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        mutating func byte() -> UInt8? {
            guard offset < bytes.count else { return nil }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func integer<T: FixedWidthInteger>(_: T.Type) -> T? {
            guard offset + MemoryLayout<T>.size <= bytes.count else { return nil }
            defer { offset += MemoryLayout<T>.size }
            return T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
        }

        mutating func value(_ element: ScalarType) -> Value? {
            switch element {
            case .bool: return byte().map { .bool($0 != 0) }
            case .int32: return integer(Int32.self).map { .int32($0) }
            case .int64: return integer(Int64.self).map { .int64($0) }
            case .float32: return integer(UInt32.self).map { .float32(Float(bitPattern: $0)) }
            case .float64: return integer(UInt64.self).map { .float64(Double(bitPattern: $0)) }
            case .timestamp: return integer(Int64.self).map { .timestamp(Timestamp(nanosecondsSinceEpoch: $0)) }
            case .string, .bytes:
                guard let length = integer(UInt32.self), offset + Int(length) <= bytes.count else { return nil }
                let slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + Int(length)])
                offset += Int(length)
                return element == .string ? .string(String(decoding: slice, as: UTF8.self)) : .bytes(Array(slice))
            }
        }
    }
}
