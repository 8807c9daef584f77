import LarderCore
import LarderTestSupport
import Testing

@testable import LarderFormats

/// Cells parsed by declared types.
struct CSVTypedParsingTests {
    /// Reads one declared column from cells (one per row) and returns the column.
    private func column(_ type: ColumnType, _ cells: [String]) throws -> Column {
        let directory = try TemporaryDirectory()
        let text =
            "v\n" + cells.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: "\n")
            + "\n"
        let path = try directory.write(text, to: "t.csv")
        return try CSVReader(path: path, declaredTypes: ["v": type]).readAll().columns[0]
    }

    @Test func bools() throws {
        let values = try column(.bool, ["true", "FALSE", "1", "0", "True", " false "])
        #expect((0..<6).map { values.value(at: $0) } == [true, false, true, false, true, false].map(Value.bool))
    }

    @Test func integersOfEveryWidth() throws {
        let int8 = try column(.int(bits: 8, signed: true), ["-128", "127"])
        #expect(int8.value(at: 0) == .int32(-128))
        let uint16 = try column(.int(bits: 16, signed: false), ["65535"])
        #expect(uint16.value(at: 0) == .int32(65535))
        let uint32 = try column(.int(bits: 32, signed: false), ["4294967295"])
        #expect(uint32.value(at: 0) == .int64(4_294_967_295))
        let int64 = try column(.int(bits: 64, signed: true), ["-9223372036854775808", "9223372036854775807", "+5"])
        #expect((0..<3).map { int64.value(at: $0) } == [.int64(.min), .int64(.max), .int64(5)])
        let uint64 = try column(.int(bits: 64, signed: false), ["18446744073709551615"])
        guard case .uint64(let raw) = uint64.storage else { Issue.record("uint64 storage expected"); return }
        #expect(raw == [UInt64.max])
    }

    @Test(arguments: [
        "0", "-0.0", "1.5", "0.1", "3.141592653589793", "1e-300", "2.2250738585072014e-308", "4.9e-324",
        "1.7976931348623157e308", "123456789012345678901234567890", "0.000001", "9007199254740993",
        "1.00000000000000011102230246251565404236316680908203125", ".5", "5.", "1E10", "-2.5e-3",
    ])
    func doublesRoundCorrectly(_ text: String) throws {
        let values = try column(.float64, [text])
        #expect(values.value(at: 0) == .float64(Double(text)!))
    }

    @Test(arguments: ["0.1", "0.26708102", "16777217", "3.4028235e38", "1e-45", "0.3333333333333333"])
    func floatsRoundOnce(_ text: String) throws {
        let values = try column(.float32, [text])
        #expect(values.value(at: 0) == .float32(Float(text)!))
    }

    @Test func nonFiniteFloats() throws {
        let values = try column(.float64, ["nan", "NaN", "inf", "-Infinity", "+INF"])
        #expect(values.value(at: 0).doubleValue?.isNaN == true)
        #expect(values.value(at: 1).doubleValue?.isNaN == true)
        #expect(
            (2..<5).map { values.value(at: $0) } == [.float64(.infinity), .float64(-.infinity), .float64(.infinity)])
    }

    @Test(arguments: [
        ("2026-01-02T03:04:05Z", 1_767_323_045_000_000),
        ("2026-01-02 03:04:05Z", 1_767_323_045_000_000),
        ("2026-01-02t03:04:05z", 1_767_323_045_000_000),
        ("2026-01-02T03:04:05", 1_767_323_045_000_000),
        ("2026-01-02T05:04:05+02:00", 1_767_323_045_000_000),
        ("2026-01-01T22:34:05-04:30", 1_767_323_045_000_000),
        ("2026-01-02T05:04:05+0200", 1_767_323_045_000_000),
        ("2026-01-02T05:04:05+02", 1_767_323_045_000_000),
        ("2026-01-02T03:04:05.123456Z", 1_767_323_045_123_456),
        ("2026-01-02T03:04:05.1Z", 1_767_323_045_100_000),
        ("2026-01-02T03:04:05.123456789Z", 1_767_323_045_123_456),
        ("2026-01-02T03:04Z", 1_767_323_040_000_000),
        ("2026-01-02", 1_767_312_000_000_000),
        ("1767323045", 1_767_323_045_000_000),
        ("-1", -1_000_000),
        ("1969-12-31T23:59:59.5Z", -500_000),
        ("1969-12-31T23:59:59.9999995Z", -1),
    ])
    func timestampsInMicroseconds(text: String, micros: Int64) throws {
        let values = try column(.timestamp(.microseconds, utcAdjusted: true), [text])
        guard case .int64(let raw) = values.storage else { Issue.record("int64 storage expected"); return }
        #expect(raw == [micros])
    }

    @Test func timestampsKeepNanosecondsInANanosecondColumn() throws {
        let values = try column(.timestamp(.nanoseconds, utcAdjusted: false), ["2026-01-02T03:04:05.123456789+01:00"])
        #expect(values.value(at: 0) == .timestamp(Timestamp(nanosecondsSinceEpoch: 1_767_319_445_123_456_789)))
    }

    @Test func datesAndDecimals() throws {
        let dates = try column(.date, ["1970-01-01", "2026-01-02", "1900-03-01"])
        guard case .int32(let days) = dates.storage else { Issue.record("int32 storage expected"); return }
        #expect(days == [0, 20_455, -25_508])
        let small = try column(.decimal(precision: 6, scale: 2), ["12.3", "-0.05", "7", "+1234.56"])
        guard case .int64(let unscaled) = small.storage else { Issue.record("int64 storage expected"); return }
        #expect(unscaled == [1230, -5, 700, 123_456])
        let wide = try column(.decimal(precision: 30, scale: 3), ["-12345678901234567890.125"])
        var text: [UInt8] = []
        wide.appendText(at: 0, style: .plain, into: &text)
        #expect(String(decoding: text, as: UTF8.self) == "-12345678901234567890.125")
    }

    @Test func bytesAreBase64() throws {
        let values = try column(.bytes(fixedLength: nil), ["aGVsbG8=", "AAEC/w==", "YQ", ""])
        #expect(values.value(at: 0) == .bytes(Array("hello".utf8)))
        #expect(values.value(at: 1) == .bytes([0, 1, 2, 255]))
        #expect(values.value(at: 2) == .bytes([97]))
        #expect(values.value(at: 3) == .bytes([]))
    }

    @Test func listsAreJSONArrays() throws {
        let floats = try column(.list(.float32), ["[1.0, 2.5]", "[]", "[ -1e3 ,null, nan ]"])
        #expect(floats.value(at: 0) == .list([.float32(1), .float32(2.5)]))
        #expect(floats.value(at: 1) == .list([]))
        guard case .list(let third) = floats.value(at: 2) else { Issue.record("list expected"); return }
        #expect(third.count == 3)
        #expect(third[0] == .float32(-1000))
        #expect(third[1] == .null)
        #expect(third[2].doubleValue?.isNaN == true)
        let strings = try column(.list(.string), [#"["a", "b,c", "q\"x\n", "\u00e9"]"#])
        #expect(strings.value(at: 0) == .list([.string("a"), .string("b,c"), .string("q\"x\n"), .string("é")]))
        let stamps = try column(
            .list(.timestamp(.microseconds, utcAdjusted: true)), [#"["2026-01-02T03:04:05Z", null]"#])
        #expect(stamps.value(at: 0) == .list([.timestamp(Timestamp(secondsSinceEpoch: 1_767_323_045)), .null]))
    }

    @Test func emptyCellsAreNullAndQuotedEmptyIsAnEmptyString() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("s,i,l\n\"\",,\n,  ,\"\"\nx,1,[1]\n", to: "t.csv")
        let batch = try CSVReader(
            path: path,
            declaredTypes: ["s": .string, "i": .int(bits: 64, signed: true), "l": .list(.int(bits: 64, signed: true))]
        ).readAll()
        #expect(
            rows(of: batch).map { $0.map { $0 == nil } } == [
                [false, true, true], [true, true, true], [false, false, false],
            ])
        #expect(batch.columns[0].value(at: 0) == .string(""))
        #expect(batch.columns[0].validity == [true, false, true])
    }
}
