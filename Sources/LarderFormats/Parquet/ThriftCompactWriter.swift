/// Writes values in the Thrift compact protocol, for the footer and page headers that
/// ``ParquetWriter`` produces.
struct ThriftCompactWriter {
    typealias FieldType = ThriftCompactReader.FieldType

    /// The encoded bytes so far.
    private(set) var bytes: [UInt8] = []
    private var lastFieldIDs: [Int16] = [0]

    /// An empty writer.
    init() {}

    /// Appends an unsigned LEB128 varint.
    mutating func writeVarint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Appends a zigzag-encoded integer.
    mutating func writeZigZag(_ value: Int64) {
        writeVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    private mutating func writeFieldHeader(_ id: Int16, _ type: FieldType) {
        let last = lastFieldIDs[lastFieldIDs.count - 1]
        let delta = id - last
        if delta > 0 && delta <= 15 {
            bytes.append(UInt8(delta) << 4 | type.rawValue)
        } else {
            bytes.append(type.rawValue)
            writeZigZag(Int64(id))
        }
        lastFieldIDs[lastFieldIDs.count - 1] = id
    }

    /// Appends an i32 (or enum) field.
    mutating func writeI32(_ id: Int16, _ value: Int32) {
        writeFieldHeader(id, .i32)
        writeZigZag(Int64(value))
    }

    /// Appends an i64 field.
    mutating func writeI64(_ id: Int16, _ value: Int64) {
        writeFieldHeader(id, .i64)
        writeZigZag(value)
    }

    /// Appends an i8 field.
    mutating func writeByte(_ id: Int16, _ value: Int8) {
        writeFieldHeader(id, .byte)
        bytes.append(UInt8(bitPattern: value))
    }

    /// Appends a boolean field.
    mutating func writeBool(_ id: Int16, _ value: Bool) {
        writeFieldHeader(id, value ? .boolTrue : .boolFalse)
    }

    /// Appends a string field.
    mutating func writeString(_ id: Int16, _ value: String) {
        writeFieldHeader(id, .binary)
        let utf8 = Array(value.utf8)
        writeVarint(UInt64(utf8.count))
        bytes += utf8
    }

    /// Appends a struct field whose fields `body` writes.
    mutating func writeStruct(_ id: Int16, _ body: (inout ThriftCompactWriter) -> Void) {
        writeFieldHeader(id, .structure)
        writeStructBody(body)
    }

    /// Appends a struct's fields and its stop marker (for top-level structs and list elements).
    mutating func writeStructBody(_ body: (inout ThriftCompactWriter) -> Void) {
        lastFieldIDs.append(0)
        body(&self)
        bytes.append(FieldType.stop.rawValue)
        lastFieldIDs.removeLast()
    }

    /// Appends a list field header; the caller then writes `count` elements.
    mutating func writeListHeader(_ id: Int16, elementType: FieldType, count: Int) {
        writeFieldHeader(id, .list)
        if count < 15 {
            bytes.append(UInt8(count) << 4 | elementType.rawValue)
        } else {
            bytes.append(0xF0 | elementType.rawValue)
            writeVarint(UInt64(count))
        }
    }

    /// Appends a list field of structs, each written by `body`.
    mutating func writeStructList<Element>(
        _ id: Int16, _ elements: [Element], _ body: (inout ThriftCompactWriter, Element) -> Void
    ) {
        writeListHeader(id, elementType: .structure, count: elements.count)
        for element in elements {
            writeStructBody { body(&$0, element) }
        }
    }

    /// Appends a list field of i32 values.
    mutating func writeI32List(_ id: Int16, _ values: [Int32]) {
        writeListHeader(id, elementType: .i32, count: values.count)
        for value in values { writeZigZag(Int64(value)) }
    }

    /// Appends a list field of strings.
    mutating func writeStringList(_ id: Int16, _ values: [String]) {
        writeListHeader(id, elementType: .binary, count: values.count)
        for value in values {
            let utf8 = Array(value.utf8)
            writeVarint(UInt64(utf8.count))
            bytes += utf8
        }
    }

    /// Ends the top-level struct.
    mutating func writeStop() {
        bytes.append(FieldType.stop.rawValue)
    }
}
