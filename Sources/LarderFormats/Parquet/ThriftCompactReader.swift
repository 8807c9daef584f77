/// Reads values in the Thrift compact protocol, the encoding of Parquet's footer and page
/// headers. Every read is bounds-checked against `end`, nesting is limited, and list sizes are
/// capped by the bytes left, so corrupt input fails with ``ParquetCorruption`` instead of
/// crashing or allocating without bound.
struct ThriftCompactReader {
    /// The compact protocol's field and element type codes.
    enum FieldType: UInt8 {
        case stop = 0, boolTrue = 1, boolFalse = 2, byte = 3, i16 = 4, i32 = 5, i64 = 6
        case double = 7, binary = 8, list = 9, set = 10, map = 11, structure = 12
    }

    /// The deepest nesting of structs, lists and maps accepted.
    static let maximumDepth = 64

    private let bytes: [UInt8]
    /// The offset of the next unread byte.
    private(set) var position: Int
    private let end: Int
    private var depth = 0

    /// A reader of `bytes[position..<end]`.
    /// - Parameters:
    ///   - bytes: the buffer holding the encoded values.
    ///   - position: where the first value starts.
    ///   - end: the offset one past the last byte that may be read (defaults to the buffer's end).
    init(bytes: [UInt8], position: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        self.position = position
        self.end = min(end ?? bytes.count, bytes.count)
    }

    /// The number of bytes not yet read.
    var remaining: Int { max(end - position, 0) }

    /// Reads one byte.
    mutating func readByte() throws -> UInt8 {
        guard position < end else { throw ParquetCorruption("Thrift data ends unexpectedly at byte \(position)") }
        defer { position += 1 }
        return bytes[position]
    }

    /// Reads an unsigned LEB128 varint of up to 64 bits.
    mutating func readVarint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readByte()
            guard shift < 64 else { throw ParquetCorruption("Thrift varint longer than 10 bytes at byte \(position)") }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    /// Reads a zigzag-encoded 64-bit integer.
    mutating func readI64() throws -> Int64 {
        let raw = try readVarint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    /// Reads a zigzag-encoded 32-bit integer (also used for i16, i8 and enums).
    mutating func readI32() throws -> Int32 {
        let value = try readI64()
        guard let narrow = Int32(exactly: value) else {
            throw ParquetCorruption("Thrift i32 value \(value) out of range at byte \(position)")
        }
        return narrow
    }

    /// Reads an 8-byte little-endian IEEE double.
    mutating func readDouble() throws -> Double {
        guard remaining >= 8 else { throw ParquetCorruption("Thrift double ends unexpectedly at byte \(position)") }
        var bits: UInt64 = 0
        for index in 0..<8 { bits |= UInt64(bytes[position + index]) << (8 * UInt64(index)) }
        position += 8
        return Double(bitPattern: bits)
    }

    /// Reads a length-prefixed byte string.
    mutating func readBinary() throws -> [UInt8] {
        let length = try readVarint()
        guard length <= UInt64(remaining) else {
            throw ParquetCorruption(
                "Thrift binary of \(length) bytes runs past the end of the data at byte \(position)")
        }
        let start = position
        position += Int(length)
        return Array(bytes[start..<position])
    }

    /// Reads a length-prefixed UTF-8 string (invalid UTF-8 is repaired).
    mutating func readString() throws -> String {
        String(decoding: try readBinary(), as: UTF8.self)
    }

    /// Reads a list or set header.
    /// - Returns: the element count (at most the bytes left) and the element type.
    mutating func readListHeader() throws -> (count: Int, elementType: FieldType) {
        let header = try readByte()
        var count = UInt64(header >> 4)
        if count == 15 { count = try readVarint() }
        guard let elementType = FieldType(rawValue: header & 0x0F), elementType != .stop else {
            throw ParquetCorruption("Thrift list has unknown element type \(header & 0x0F) at byte \(position)")
        }
        guard count <= UInt64(remaining) else {
            throw ParquetCorruption("Thrift list claims \(count) elements but only \(remaining) bytes remain")
        }
        return (Int(count), elementType)
    }

    /// Reads a boolean: from the field type for a struct field, or from a byte for a list element.
    /// - Parameter type: the field's type code.
    mutating func readBool(_ type: FieldType) throws -> Bool {
        switch type {
        case .boolTrue: return true
        case .boolFalse: return false
        default: throw ParquetCorruption("Thrift field of type \(type) where a boolean was expected")
        }
    }

    /// Reads the fields of a struct, calling `body` with each field's id and type; `body` must
    /// read the field's value or call ``skip(_:)``.
    /// - Parameter body: handles one field.
    mutating func readStruct(
        _ body: (inout ThriftCompactReader, Int16, FieldType) throws -> Void
    ) throws {
        try enterNesting()
        defer { depth -= 1 }
        var lastID: Int16 = 0
        while true {
            let header = try readByte()
            guard let type = FieldType(rawValue: header & 0x0F) else {
                throw ParquetCorruption("Thrift field has unknown type \(header & 0x0F) at byte \(position - 1)")
            }
            if type == .stop { return }
            let delta = Int16(header >> 4)
            if delta == 0 {
                let id = try readI32()
                guard let narrow = Int16(exactly: id) else {
                    throw ParquetCorruption("Thrift field id \(id) out of range at byte \(position)")
                }
                lastID = narrow
            } else {
                lastID &+= delta
            }
            try body(&self, lastID, type)
        }
    }

    /// Reads a list, calling `body` once per element with the element type.
    /// - Parameter body: reads one element.
    mutating func readList(
        _ body: (inout ThriftCompactReader, FieldType) throws -> Void
    ) throws {
        try enterNesting()
        defer { depth -= 1 }
        let (count, elementType) = try readListHeader()
        for _ in 0..<count { try body(&self, elementType) }
    }

    /// Skips one value of the given type, including nested structs, lists and maps.
    /// - Parameter type: the value's type code.
    mutating func skip(_ type: FieldType) throws {
        switch type {
        case .stop: throw ParquetCorruption("Thrift stop marker where a value was expected")
        case .boolTrue, .boolFalse: return
        case .byte: _ = try readByte()
        case .i16, .i32, .i64: _ = try readVarint()
        case .double: _ = try readDouble()
        case .binary:
            let length = try readVarint()
            guard length <= UInt64(remaining) else {
                throw ParquetCorruption("Thrift binary of \(length) bytes runs past the end of the data")
            }
            position += Int(length)
        case .list, .set:
            try readList { (reader, elementType) in
                if elementType == .boolTrue || elementType == .boolFalse {
                    _ = try reader.readByte()
                } else {
                    try reader.skip(elementType)
                }
            }
        case .map:
            try enterNesting()
            defer { depth -= 1 }
            let count = try readVarint()
            guard count > 0 else { return }
            guard count <= UInt64(remaining) else {
                throw ParquetCorruption("Thrift map claims \(count) entries but only \(remaining) bytes remain")
            }
            let types = try readByte()
            guard let keyType = FieldType(rawValue: types >> 4), let valueType = FieldType(rawValue: types & 0x0F)
            else {
                throw ParquetCorruption("Thrift map has unknown key or value type")
            }
            for _ in 0..<count {
                try skip(keyType)
                try skip(valueType)
            }
        case .structure:
            try readStruct { (reader, _, fieldType) in try reader.skip(fieldType) }
        }
    }

    private mutating func enterNesting() throws {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw ParquetCorruption("Thrift structures nested deeper than \(Self.maximumDepth) levels")
        }
    }
}

extension ThriftCompactReader {
    /// Reads an i32 field after checking its type.
    /// - Parameter type: the field's type code.
    mutating func readI32Field(_ type: FieldType) throws -> Int32 {
        guard type == .i32 || type == .i16 || type == .byte else {
            throw ParquetCorruption("Thrift field of type \(type) where an i32 was expected")
        }
        if type == .byte { return Int32(Int8(bitPattern: try readByte())) }
        return try readI32()
    }

    /// Reads an i64 field after checking its type.
    /// - Parameter type: the field's type code.
    mutating func readI64Field(_ type: FieldType) throws -> Int64 {
        guard type == .i64 || type == .i32 || type == .i16 else {
            throw ParquetCorruption("Thrift field of type \(type) where an i64 was expected")
        }
        return try readI64()
    }

    /// Reads a binary or string field after checking its type.
    /// - Parameter type: the field's type code.
    mutating func readBinaryField(_ type: FieldType) throws -> [UInt8] {
        guard type == .binary else {
            throw ParquetCorruption("Thrift field of type \(type) where binary was expected")
        }
        return try readBinary()
    }

    /// Reads a string field after checking its type.
    /// - Parameter type: the field's type code.
    mutating func readStringField(_ type: FieldType) throws -> String {
        String(decoding: try readBinaryField(type), as: UTF8.self)
    }

    /// Checks that a field holds a struct, so its fields can be read.
    /// - Parameter type: the field's type code.
    func expectStruct(_ type: FieldType) throws {
        guard type == .structure else {
            throw ParquetCorruption("Thrift field of type \(type) where a struct was expected")
        }
    }

    /// Checks that a field holds a list, so its elements can be read.
    /// - Parameter type: the field's type code.
    func expectList(_ type: FieldType) throws {
        guard type == .list || type == .set else {
            throw ParquetCorruption("Thrift field of type \(type) where a list was expected")
        }
    }
}
