internal import LarderCore
internal import LarderStores
internal import NIOCore

/// Writes rows in PostgreSQL's `COPY ... FROM STDIN (FORMAT text)` format: fields separated by
/// tabs, rows ended by newlines, `\N` for null, backslash escapes in text, `bytea` as
/// `\\x` and hex digits. Values are written as the column's declared type stores them (see
/// ``PostgresTableLayout/sqlType(_:)``).
struct CopyTextWriter {
    /// The bytes written so far.
    private(set) var buffer: ByteBuffer
    private var fieldsInRow = 0

    /// An empty writer.
    /// - Parameter capacity: the bytes to reserve.
    init(capacity: Int = 1 << 16) {
        buffer = ByteBufferAllocator().buffer(capacity: capacity)
    }

    /// Whether nothing was written.
    var isEmpty: Bool { buffer.readableBytes == 0 }

    /// Ends the current row.
    mutating func endRow() {
        buffer.writeInteger(UInt8(ascii: "\n"))
        fieldsInRow = 0
    }

    /// Writes a null field.
    mutating func writeNull() {
        separate()
        buffer.writeStaticString("\\N")
    }

    /// Writes an integer field.
    mutating func write(_ value: Int64) {
        separate()
        writeDigits(value)
    }

    /// Writes a value of a declared type; a value of another type is written as null (callers
    /// convert values with `coerced(to:)` first).
    mutating func write(_ value: Value, as type: ValueType) {
        separate()
        switch (type, value) {
        case (.bool, .bool(let v)): buffer.writeInteger(UInt8(ascii: v ? "t" : "f"))
        case (.int32, .int32(let v)): writeDigits(Int64(v))
        case (.int64, .int64(let v)): writeDigits(v)
        case (.timestamp, .timestamp(let v)): writeDigits(v.nanosecondsSinceEpoch)
        case (.float32, .float32(let v)): writeFloat(v.isFinite ? "\(v)" : nil, Double(v))
        case (.float64, .float64(let v)): writeFloat(v.isFinite ? "\(v)" : nil, v)
        case (.string, .string(let v)): writeEscaped(v)
        case (.bytes, .bytes(let v)): writeBytea(v)
        case (.list(let element), .list(let values)): writeBytea(ListValueCodec.encode(values, element: element))
        default: buffer.writeStaticString("\\N")
        }
    }

    private mutating func separate() {
        if fieldsInRow > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
        fieldsInRow += 1
    }

    /// Decimal digits, without going through `String`.
    private mutating func writeDigits(_ value: Int64) {
        if value < 0 { buffer.writeInteger(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var count = 0
            repeat {
                digits[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            buffer.writeBytes(UnsafeBufferPointer(rebasing: digits[(20 - count)...]))
        }
    }

    /// A float's shortest round-trip text, or PostgreSQL's names for infinities and NaN.
    private mutating func writeFloat(_ finite: String?, _ value: Double) {
        if let finite {
            buffer.writeString(finite)
        } else if value.isNaN {
            buffer.writeStaticString("NaN")
        } else {
            buffer.writeString(value < 0 ? "-Infinity" : "Infinity")
        }
    }

    /// Text with backslash, tab, newline and carriage return escaped.
    private mutating func writeEscaped(_ text: String) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
            case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
            case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
            case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
            default: buffer.writeInteger(byte)
            }
        }
    }

    /// `bytea` in hex format; its backslash is escaped for COPY.
    private mutating func writeBytea(_ bytes: [UInt8]) {
        buffer.writeStaticString("\\\\x")
        let hex: StaticString = "0123456789abcdef"
        for byte in bytes {
            buffer.writeInteger(hex.utf8Start[Int(byte >> 4)])
            buffer.writeInteger(hex.utf8Start[Int(byte & 0x0F)])
        }
    }
}
