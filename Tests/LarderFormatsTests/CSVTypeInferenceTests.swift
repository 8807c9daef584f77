import LarderTestSupport
import Testing

@testable import LarderFormats

/// The inference rule: the first of bool, int64, float64, date, timestamp that every
/// non-empty sampled cell fits, else string.
struct CSVTypeInferenceTests {
    @Test(arguments: [
        (["true", "FALSE", "", "True"], ColumnType.bool),
        (["1", "-2", "+3", "", "9223372036854775807"], .int(bits: 64, signed: true)),
        (["1", "0", "1"], .int(bits: 64, signed: true)),
        (["1", "2.5", "-3e4", "nan", "-inf"], .float64),
        (["9223372036854775808"], .float64),
        (["2026-01-02", "1999-12-31"], .date),
        (["2026-01-02", "2026-01-02T03:04:05Z"], .timestamp(.microseconds, utcAdjusted: true)),
        (["2026-01-02 03:04:05.123456+02:00", "2026-01-02T03:04Z"], .timestamp(.microseconds, utcAdjusted: true)),
        (["2026-01-02T03:04:05.123456789Z"], .timestamp(.nanoseconds, utcAdjusted: true)),
        (["2026-01-02T03:04:05.123456000Z"], .timestamp(.microseconds, utcAdjusted: true)),
        (["1767323045", "2026-01-02"], .string),
        (["true", "1"], .string),
        (["1", "x"], .string),
        (["", ""], .string),
        (["hello"], .string),
    ])
    func infersTheNarrowestFittingType(cells: [String], expected: ColumnType) throws {
        let directory = try TemporaryDirectory()
        let text = "id,v\n" + cells.enumerated().map { "\($0.offset),\($0.element)" }.joined(separator: "\n") + "\n"
        let reader = try CSVReader(path: try directory.write(text, to: "t.csv"))
        #expect(reader.schema["v"]?.type == expected)
        #expect(try reader.readAll().rowCount == cells.count)
    }

    @Test func onlyTheSampleDecides() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("v\n1\n2\n3.5\n", to: "t.csv")
        #expect(try CSVReader(path: path, inferenceRows: 2).schema["v"]?.type == .int(bits: 64, signed: true))
        #expect(try CSVReader(path: path, inferenceRows: 3).schema["v"]?.type == .float64)
    }

    @Test func declaredTypesOverrideInference() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("a,b\n1,2\n", to: "t.csv")
        let reader = try CSVReader(path: path, declaredTypes: ["a": .string, "b": .float32])
        #expect(reader.schema.columns.map(\.type) == [.string, .float32])
        let batch = try reader.readAll()
        #expect(batch.columns[0].value(at: 0) == .string("1"))
        #expect(batch.columns[1].value(at: 0) == .float32(2))
    }
}
