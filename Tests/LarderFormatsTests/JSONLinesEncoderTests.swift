import Foundation
import LarderCore
import Testing

@testable import LarderFormats

/// JSON-lines formatting of every column type.
struct JSONLinesEncoderTests {
    private func line(_ column: Column, row: Int = 0) -> String {
        let batch = ColumnBatch(columns: [column], rowCount: column.count)
        var output: [UInt8] = []
        JSONLinesEncoder().encode(batch, rows: row..<(row + 1), into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private func binary(_ values: [[UInt8]]) -> BinaryValues {
        var result = BinaryValues()
        for value in values { result.append(value) }
        return result
    }

    @Test(arguments: [
        (Column(name: "v", type: .bool, storage: .bool([true])), #"{"v":true}"#),
        (
            Column(name: "v", type: .int(bits: 64, signed: true), storage: .int64([.min])),
            #"{"v":-9223372036854775808}"#
        ),
        (Column(name: "v", type: .int(bits: 64, signed: true), storage: .int64([.max])), #"{"v":9223372036854775807}"#),
        (
            Column(name: "v", type: .int(bits: 64, signed: false), storage: .uint64([.max])),
            #"{"v":18446744073709551615}"#
        ),
        (Column(name: "v", type: .int(bits: 8, signed: true), storage: .int32([-128])), #"{"v":-128}"#),
        (
            Column(name: "v", type: .int(bits: 32, signed: false), storage: .int64([4_294_967_295])),
            #"{"v":4294967295}"#
        ),
        (Column(name: "v", type: .float64, storage: .float64([0.1])), #"{"v":0.1}"#),
        (Column(name: "v", type: .float64, storage: .float64([1.0 / 3.0])), #"{"v":0.3333333333333333}"#),
        (Column(name: "v", type: .float64, storage: .float64([1e300])), #"{"v":1e+300}"#),
        (Column(name: "v", type: .float64, storage: .float64([-2.5e-7])), #"{"v":-2.5e-07}"#),
        (Column(name: "v", type: .float64, storage: .float64([3])), #"{"v":3.0}"#),
        (Column(name: "v", type: .float64, storage: .float64([.nan])), #"{"v":null}"#),
        (Column(name: "v", type: .float64, storage: .float64([-.infinity])), #"{"v":null}"#),
        (Column(name: "v", type: .float32, storage: .float32([0.1])), #"{"v":0.1}"#),
        (Column(name: "v", type: .float32, storage: .float32([0.26708102])), #"{"v":0.26708102}"#),
        (Column(name: "v", type: .float32, storage: .float32([.infinity])), #"{"v":null}"#),
        (Column(name: "v", type: .string, storage: .binary(BinaryValues(offsets: [0, 0], data: []))), #"{"v":""}"#),
        (
            Column(
                name: "v", type: .bytes(fixedLength: nil),
                storage: .binary(BinaryValues(offsets: [0, 4], data: [0, 1, 2, 255]))), #"{"v":"AAEC/w=="}"#
        ),
        (
            Column(
                name: "v", type: .bytes(fixedLength: 2),
                storage: .binary(BinaryValues(offsets: [0, 2], data: [104, 105]))), #"{"v":"aGk="}"#
        ),
        (Column(name: "v", type: .date, storage: .int32([20_455])), #"{"v":"2026-01-02"}"#),
        (Column(name: "v", type: .date, storage: .int32([-719_162])), #"{"v":"0001-01-01"}"#),
        (
            Column(
                name: "v", type: .timestamp(.microseconds, utcAdjusted: true), storage: .int64([1_767_323_045_123_456])),
            #"{"v":"2026-01-02T03:04:05.123456Z"}"#
        ),
        (
            Column(name: "v", type: .timestamp(.milliseconds, utcAdjusted: true), storage: .int64([1_767_323_045_120])),
            #"{"v":"2026-01-02T03:04:05.120Z"}"#
        ),
        (
            Column(name: "v", type: .timestamp(.seconds, utcAdjusted: true), storage: .int64([1_767_323_045])),
            #"{"v":"2026-01-02T03:04:05Z"}"#
        ),
        (
            Column(name: "v", type: .timestamp(.nanoseconds, utcAdjusted: true), storage: .int64([-1])),
            #"{"v":"1969-12-31T23:59:59.999999999Z"}"#
        ),
        (
            Column(name: "v", type: .timestamp(.nanoseconds, utcAdjusted: false), storage: .int64([5])),
            #"{"v":"1970-01-01T00:00:00.000000005"}"#
        ),
        (
            Column(
                name: "v", type: .timestamp(.microseconds, utcAdjusted: true),
                storage: .int64([253_402_300_799_999_999])), #"{"v":"9999-12-31T23:59:59.999999Z"}"#
        ),
        (Column(name: "v", type: .decimal(precision: 10, scale: 2), storage: .int64([-5])), #"{"v":-0.05}"#),
        (Column(name: "v", type: .decimal(precision: 10, scale: 0), storage: .int64([1230])), #"{"v":1230}"#),
        (
            Column(
                name: "v", type: .decimal(precision: 38, scale: 4),
                storage: .binary(
                    BinaryValues(
                        offsets: [0, 16], data: DecimalText.bigEndianBytes(-123_456_789_012_345_678_901_234_567)))),
            #"{"v":-12345678901234567890123.4567}"#
        ),
        (
            Column(
                name: "v", type: .decimal(precision: 5, scale: 2),
                storage: .binary(BinaryValues(offsets: [0, 2], data: [0x04, 0xD2]))), #"{"v":12.34}"#
        ),
        (Column(name: "v", type: .string, storage: .int64([0]), validity: [false]), #"{"v":null}"#),
    ])
    func formatsEveryType(column: Column, expected: String) {
        #expect(line(column) == expected + "\n")
    }

    @Test func escapesStringsAndKeys() {
        let text = "q\"b\\s/\n\r\t\u{08}\u{0C}\u{01}\u{1F}é東😀"
        let column = Column(name: "na\"me", type: .string, storage: .binary(binary([Array(text.utf8)])))
        #expect(line(column) == #"{"na\"me":"q\"b\\s/\n\r\t\b\f\u0001\u001fé東😀"}"# + "\n")
        let invalid = Column(name: "v", type: .string, storage: .binary(binary([[0x61, 0xFF, 0x62]])))
        #expect(line(invalid) == "{\"v\":\"a\u{FFFD}b\"}\n")
    }

    @Test func listsAreArrays() {
        let elements = Column(
            name: "element", type: .float32, storage: .float32([1, 2.5, .nan]), validity: [true, true, true])
        let column = Column(
            name: "v", type: .list(.float32), storage: .list(offsets: [0, 3, 3, 3], elements: elements),
            validity: [true, true, false])
        #expect(line(column, row: 0) == #"{"v":[1.0,2.5,null]}"# + "\n")
        #expect(line(column, row: 1) == #"{"v":[]}"# + "\n")
        #expect(line(column, row: 2) == #"{"v":null}"# + "\n")
        let strings = Column(name: "element", type: .string, storage: .binary(binary([Array("a\"".utf8)])))
        let nested = Column(name: "v", type: .list(.string), storage: .list(offsets: [0, 1], elements: strings))
        #expect(line(nested) == #"{"v":["a\""]}"# + "\n")
    }

    @Test func everyLineIsValidJSONThatReadsBackExactly() throws {
        let batch = CSVWriterTests.everyTypeBatch()
        let text = JSONLinesEncoder().encode(batch)
        let lines = text.split(separator: "\n")
        #expect(lines.count == batch.rowCount)
        let keys = batch.columns.map(\.name)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(Set(object.keys) == Set(keys))
        }
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect((first["id"] as? NSNumber)?.int64Value == .min)
        #expect((first["big"] as? NSNumber)?.uint64Value == .max)
        #expect(first["text"] as? String == "plain")
        #expect(first["at"] as? String == "2026-01-02T03:04:05.123456Z")
        // Keys keep column order.
        #expect(lines[0].hasPrefix(#"{"flag":true,"tiny":-128,"id":"#))
    }
}
