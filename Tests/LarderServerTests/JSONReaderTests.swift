@testable import LarderServer
import Testing

/// The request-body reader: exact integers, doubles, strings with escapes, and syntax errors
/// that say where.
@Suite struct JSONReaderTests {
    static func parse(_ text: String) throws -> JSONValue {
        try Array(text.utf8).withUnsafeBufferPointer { try JSONReader.parse($0) }
    }

    @Test(arguments: [
        ("0", JSONValue.integer(0)), ("-0", .integer(0)), ("7", .integer(7)), ("-1001", .integer(-1001)),
        ("123456789012345678", .integer(123_456_789_012_345_678)),
        ("-123456789012345678", .integer(-123_456_789_012_345_678)),
        ("9223372036854775807", .integer(Int64.max)), ("-9223372036854775808", .integer(Int64.min)),
        ("9223372036854775808", .number(9_223_372_036_854_775_808)),
        ("1.5", .number(1.5)), ("-2e3", .number(-2000)), ("1E-2", .number(0.01)), ("10.0", .number(10)),
    ])
    func numbersKeepTheirExactType(text: String, expected: JSONValue) throws {
        #expect(try Self.parse(text) == expected)
        #expect(try Self.parse(" [\(text)]\n") == .array([expected]))
    }

    @Test func objectsKeepMemberOrderAndStringsTheirEscapes() throws {
        let value = try Self.parse(#"{"b": "tab\there \u00e9 \ud83d\ude00 \"q\"", "a": [true, false, null], "b2": {}}"#)
        #expect(
            value
                == .object([
                    ("b", .string("tab\there é 😀 \"q\"")), ("a", .array([.bool(true), .bool(false), .null])),
                    ("b2", .object([])),
                ]))
    }

    @Test func stringsMustBeUTF8() throws {
        #expect(throws: JSONReader.SyntaxError.self) {
            try [UInt8]([0x22, 0xC3, 0x28, 0x22]).withUnsafeBufferPointer { try JSONReader.parse($0) }
        }
        #expect(
            try [UInt8]([0x22, 0xC3, 0xA9, 0x22]).withUnsafeBufferPointer { try JSONReader.parse($0) } == .string("é"))
    }

    @Test(arguments: [
        ("01", "leading zeros are not allowed at byte 2"),
        ("[1,]", "unexpected character ']' at byte 3"),
        ("{\"a\" 1}", "expected ':' at byte 5"),
        ("\"abc", "unterminated string at byte 4"),
        ("1 2", "unexpected text after the JSON document at byte 2"),
        ("-", "expected a digit at byte 1"),
        (String(repeating: "[", count: 65), "nested deeper than 64 levels at byte 64"),
    ])
    func syntaxErrorsSayWhere(text: String, message: String) {
        #expect(throws: JSONReader.SyntaxError.self) { try Self.parse(text) }
        do {
            _ = try Self.parse(text)
        } catch {
            #expect("\(error)" == message)
        }
    }
}
