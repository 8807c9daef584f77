import Foundation
import LarderCore
import LarderFormats

/// Writes JSON text straight into a byte array: no intermediate objects, no Foundation
/// encoder. Values follow Feast's server: integers as JSON integers, floats as numbers (NaN
/// and infinities as the strings `"NaN"`, `"Infinity"`, `"-Infinity"`), bytes as base64,
/// timestamp values as integer seconds since the epoch (Feast's `UnixTimestamp`); event
/// times and other instants of the API as RFC 3339 UTC text.
struct JSONWriter {
    /// The text written so far.
    private(set) var bytes: [UInt8] = []

    /// An empty writer with room for `capacity` bytes.
    init(capacity: Int = 512) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends raw ASCII (punctuation, literals).
    mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends bytes that are already JSON text.
    mutating func raw(_ text: ArraySlice<UInt8>) {
        bytes.append(contentsOf: text)
    }

    /// The number of bytes written so far.
    var count: Int { bytes.count }

    /// Appends a copy of text written earlier.
    /// - Parameter range: where that text is in ``bytes``.
    mutating func repeatWritten(_ range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "no such text written")
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: range.count) { copy in
            bytes.withUnsafeBufferPointer { written in
                _ = copy.initialize(fromContentsOf: UnsafeBufferPointer(rebasing: written[range]))
            }
            bytes.append(contentsOf: copy)
        }
    }

    /// Appends one byte of punctuation.
    mutating func byte(_ ascii: Unicode.Scalar) {
        bytes.append(UInt8(ascii: ascii))
    }

    /// Appends a JSON string, escaped.
    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { JSONStringText.appendQuoted($0, into: &bytes) }
    }

    /// Appends an integer.
    mutating func integer(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        // Room for the 20 digits of the largest magnitude, 2^63.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }

    /// Appends a floating-point number (shortest text that reads back exactly).
    mutating func number(_ value: Double) {
        if value.isNaN {
            raw("\"NaN\"")
        } else if value.isInfinite {
            value > 0 ? raw("\"Infinity\"") : raw("\"-Infinity\"")
        } else if value == value.rounded(), abs(value) < 1e15 {
            integer(Int64(value))
            raw(".0")
        } else {
            // The standard library's shortest form, written into the bytes without a `String`.
            var sink = ASCIISink()
            swap(&sink.bytes, &bytes)
            value.write(to: &sink)
            swap(&sink.bytes, &bytes)
        }
    }

    /// Appends a timestamp as RFC 3339 text in UTC.
    mutating func timestamp(_ value: Timestamp) {
        bytes.append(UInt8(ascii: "\""))
        value.appendRFC3339(to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends a feature or key value.
    mutating func value(_ value: Value) {
        switch value {
        case .null: raw("null")
        case .bool(let v): v ? raw("true") : raw("false")
        case .int32(let v): integer(Int64(v))
        case .int64(let v): integer(v)
        case .float32(let v): number(Double(v))
        case .float64(let v): number(v)
        case .string(let v): string(v)
        case .bytes(let v): string(Data(v).base64EncodedString())
        case .timestamp(let v): integer(v.wholeSecondsSinceEpoch)
        case .list(let elements):
            byte("[")
            for (index, element) in elements.enumerated() {
                if index > 0 { byte(",") }
                self.value(element)
            }
            byte("]")
        }
    }
}

/// A text stream onto bytes. Numbers print themselves into it through `_writeASCII`, the
/// standard library's hook for ASCII text, with no intermediate `String`; anything else
/// arrives through `write(_:)`.
private struct ASCIISink: TextOutputStream {
    var bytes: [UInt8] = []

    mutating func write(_ string: String) {
        bytes.append(contentsOf: string.utf8)
    }

    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: buffer)
    }
}
