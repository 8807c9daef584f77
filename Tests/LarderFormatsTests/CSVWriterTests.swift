import Foundation
import LarderCore
import LarderTestSupport
import Testing

@testable import LarderFormats

/// CSVWriter output: quoting, timestamps, floats, nulls, atomic replacement, and files that
/// CSVReader, pyarrow and pandas read back unchanged.
struct CSVWriterTests {
    /// A batch with a column of every type CSV can hold, nulls included.
    static func everyTypeBatch() -> ColumnBatch {
        var strings = BinaryValues()
        for text in ["plain", "a,b", "say \"hi\"", "one\ntwo\r\nthree", "", "zürich"] {
            strings.append(Array(text.utf8))
        }
        var bytes = BinaryValues()
        for value: [UInt8] in [[0, 1, 2, 255], [], Array("hi".utf8), [44], [34, 10], [0]] { bytes.append(value) }
        var wide = BinaryValues()
        for value: Int128 in [-12_345_678_901_234_567_890_125, 0, 1, 5, -1, 999] {
            wide.append(DecimalText.bigEndianBytes(value))
        }
        var listElements = BinaryValues()
        for text in ["x", "y,z", "q\"", "é"] { listElements.append(Array(text.utf8)) }
        let oneNull: [Bool] = [true, true, true, true, true, false]
        return ColumnBatch(
            columns: [
                Column(
                    name: "flag", type: .bool, storage: .bool([true, false, true, false, true, false]),
                    validity: oneNull),
                Column(name: "tiny", type: .int(bits: 8, signed: true), storage: .int32([-128, 127, 0, 1, -1, 0])),
                Column(
                    name: "id", type: .int(bits: 64, signed: true), storage: .int64([.min, .max, 0, -1, 42, 0]),
                    validity: oneNull),
                Column(name: "big", type: .int(bits: 64, signed: false), storage: .uint64([.max, 0, 1, 2, 3, 4])),
                Column(
                    name: "score", type: .float32, storage: .float32([0.1, -1.5e-7, .infinity, .nan, 16_777_216, 0])),
                Column(
                    name: "amount", type: .float64,
                    storage: .float64([0.1, 1e300, -0.0, .leastNonzeroMagnitude, .nan, -.infinity])),
                Column(name: "text", type: .string, storage: .binary(strings), validity: oneNull),
                Column(name: "blob", type: .bytes(fixedLength: nil), storage: .binary(bytes)),
                Column(name: "day", type: .date, storage: .int32([0, 20_455, -25_508, -1, 2_932_896, 1])),
                Column(
                    name: "at", type: .timestamp(.microseconds, utcAdjusted: true),
                    storage: .int64([1_767_323_045_123_456, 0, -1, 1, 253_402_300_799_999_999, 0]), validity: oneNull),
                Column(
                    name: "naive_ns", type: .timestamp(.nanoseconds, utcAdjusted: false),
                    storage: .int64([1_767_323_045_123_456_789, 0, -1, 1, .max, .min])),
                Column(
                    name: "seconds", type: .timestamp(.seconds, utcAdjusted: true),
                    storage: .int64([1_767_323_045, 0, -1, 1, 2, 3])),
                Column(
                    name: "price", type: .decimal(precision: 10, scale: 2),
                    storage: .int64([1230, -5, 0, 99_999_999, -100, 1])),
                Column(name: "wide", type: .decimal(precision: 30, scale: 3), storage: .binary(wide)),
                Column(
                    name: "embedding", type: .list(.float32),
                    storage: .list(
                        offsets: [0, 2, 2, 3, 3, 4, 4],
                        elements: Column(name: "element", type: .float32, storage: .float32([1, 2.5, .nan, 0.1]))),
                    validity: [true, true, true, false, true, true]),
                Column(
                    name: "tags", type: .list(.string),
                    storage: .list(
                        offsets: [0, 2, 4, 4, 4, 4, 4],
                        elements: Column(name: "element", type: .string, storage: .binary(listElements)))),
            ], rowCount: 6)
    }

    static func schema(of batch: ColumnBatch) -> TableSchema {
        TableSchema(columns: batch.columns.map { ColumnSchema(name: $0.name, type: $0.type, nullable: true) })
    }

    /// The batch's rows as JSON lines, for comparing every value at once (non-finite floats
    /// are compared separately, since JSON writes them as null).
    static func jsonLines(_ batch: ColumnBatch) -> String {
        JSONLinesEncoder().encode(batch)
    }

    @Test(arguments: [1, 2, 100])
    func roundTripsEveryTypeThroughCSVReader(batchSize: Int) throws {
        let directory = try TemporaryDirectory()
        let original = Self.everyTypeBatch()
        let schema = Self.schema(of: original)
        let path = directory.path + "/out.csv"
        let writer = try CSVWriter(path: path, schema: schema)
        try writer.write(original)
        try writer.close()
        let declared = Dictionary(uniqueKeysWithValues: schema.columns.map { ($0.name, $0.type) })
        let reader = try CSVReader(path: path, declaredTypes: declared, batchSize: batchSize)
        #expect(reader.schema == schema)
        let readBack = try reader.readAll()
        #expect(Self.jsonLines(readBack) == Self.jsonLines(original))
        guard case .float32(let scores) = readBack.columns[4].storage,
            case .float64(let amounts) = readBack.columns[5].storage
        else { Issue.record("float storage expected"); return }
        #expect(scores[2] == .infinity && scores[3].isNaN)
        #expect(amounts[2].sign == .minus && amounts[4].isNaN && amounts[5] == -.infinity)
        #expect(readBack.columns[6].value(at: 4) == .string(""))
        #expect(readBack.columns[6].isNull(at: 5))
    }

    @Test func writesRFC4180TextWithRFC3339Timestamps() throws {
        let directory = try TemporaryDirectory()
        let batch = Self.everyTypeBatch()
        let path = directory.path + "/out.csv"
        let writer = try CSVWriter(path: path, schema: Self.schema(of: batch))
        try writer.write(batch)
        try writer.close()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "flag,tiny,id,big,score,amount,text,blob,day,at,naive_ns,seconds,price,wide,embedding,tags")
        #expect(
            lines[1]
                == "true,-128,-9223372036854775808,18446744073709551615,0.1,0.1,plain,AAEC/w==,1970-01-01,2026-01-02T03:04:05.123456Z,2026-01-02T03:04:05.123456789,2026-01-02T03:04:05Z,12.30,-12345678901234567890.125,\"[1.0,2.5]\",\"[\"\"x\"\",\"\"y,z\"\"]\""
        )
        #expect(text.contains(",\"a,b\","))
        #expect(text.contains(",\"say \"\"hi\"\"\","))
        #expect(text.contains("\"one\ntwo\r\nthree\""))
        #expect(text.contains(",-0.0,"))
        #expect(text.contains("1969-12-31T23:59:59.999999Z"))
        #expect(text.contains("9999-12-31T23:59:59.999999Z"))
        #expect(text.contains(",-inf,"))
        #expect(text.contains(",\"\","))
        #expect(text.hasSuffix("\n"))
    }

    @Test func pyarrowAndPandasReadBackWhatLarderWrote() async throws {
        let directory = try TemporaryDirectory()
        var strings = BinaryValues()
        for text in ["plain", "a,b", "say \"hi\"", "one\ntwo", "zürich"] { strings.append(Array(text.utf8)) }
        let batch = ColumnBatch(
            columns: [
                Column(name: "id", type: .int(bits: 64, signed: true), storage: .int64([.min, .max, 0, -1, 42])),
                Column(
                    name: "amount", type: .float64,
                    storage: .float64([0.1, 1e300, 2.5, 1.0 / 3.0, .leastNonzeroMagnitude])),
                Column(name: "text", type: .string, storage: .binary(strings)),
                Column(
                    name: "flag", type: .bool, storage: .bool([true, false, true, false, true]),
                    validity: [true, true, false, true, true]),
                Column(
                    name: "at", type: .timestamp(.microseconds, utcAdjusted: true),
                    storage: .int64([1_767_323_045_123_456, 0, -1, 1, 1_767_323_045_000_000])),
            ], rowCount: 5)
        let path = directory.path + "/out.csv"
        let writer = try CSVWriter(path: path, schema: Self.schema(of: batch))
        try writer.write(batch)
        try writer.close()
        let script = """
            import json, sys
            import pandas as pd, pyarrow as pa, pyarrow.csv as pacsv
            table = pacsv.read_csv(sys.argv[1])
            at = table.column("at").cast(pa.timestamp("us", tz="UTC")).cast(pa.int64())
            frame = pd.read_csv(sys.argv[1], parse_dates=["at"], keep_default_na=False, na_values=[""])
            print(json.dumps({
                "types": [str(field.type) for field in table.schema],
                "id": table.column("id").to_pylist(),
                "amount": [repr(v) for v in table.column("amount").to_pylist()],
                "text": table.column("text").to_pylist(),
                "flag": table.column("flag").to_pylist(),
                "at": at.to_pylist(),
                "pandas_text": frame["text"].tolist(),
                "pandas_amount": [repr(v) for v in frame["amount"].tolist()],
                "pandas_at": [int(v.value // 1000) for v in frame["at"]],
            }))
            """
        let output = try await Python.run(script: script, [path])
        let result = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(result["types"] as? [String] == ["int64", "double", "string", "bool", "timestamp[ns, tz=UTC]"])
        #expect((result["id"] as? [NSNumber])?.map(\.int64Value) == [.min, .max, 0, -1, 42])
        let amounts = ["0.1", "1e+300", "2.5", "0.3333333333333333", "5e-324"]
        #expect(result["amount"] as? [String] == amounts)
        #expect(result["pandas_amount"] as? [String] == amounts)
        let texts = ["plain", "a,b", "say \"hi\"", "one\ntwo", "zürich"]
        #expect(result["text"] as? [String] == texts)
        #expect(result["pandas_text"] as? [String] == texts)
        let flags = try #require(result["flag"] as? [Any])
        #expect(flags[2] is NSNull)
        #expect((flags[0] as? Bool) == true)
        let stamps: [Int64] = [1_767_323_045_123_456, 0, -1, 1, 1_767_323_045_000_000]
        #expect((result["at"] as? [NSNumber])?.map(\.int64Value) == stamps)
        #expect((result["pandas_at"] as? [NSNumber])?.map(\.int64Value) == stamps)
    }

    @Test func fileAppearsOnlyOnClose() throws {
        let directory = try TemporaryDirectory()
        let batch = Self.everyTypeBatch()
        let path = directory.path + "/out.csv"
        try "old contents\n".write(toFile: path, atomically: false, encoding: .utf8)
        let writer = try CSVWriter(path: path, schema: Self.schema(of: batch))
        try writer.write(batch)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old contents\n")
        try writer.close()
        #expect(try directory.fileNames() == ["out.csv"])
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("flag,tiny"))
        let again = try #require(formatError { try writer.close() })
        #expect(again.message.contains("already closed"))
    }

    @Test func droppedWriterLeavesNoFile() throws {
        let directory = try TemporaryDirectory()
        let batch = Self.everyTypeBatch()
        do {
            let writer = try CSVWriter(path: directory.path + "/out.csv", schema: Self.schema(of: batch))
            try writer.write(batch)
        }
        #expect(try directory.fileNames().isEmpty)
    }

    @Test func batchThatDoesNotMatchTheSchemaIsRefused() throws {
        let directory = try TemporaryDirectory()
        let schema = TableSchema(columns: [ColumnSchema(name: "a", type: .float64, nullable: true)])
        let writer = try CSVWriter(path: directory.path + "/out.csv", schema: schema)
        let wrongType = ColumnBatch(columns: [Column(name: "a", type: .float32, storage: .float32([1]))], rowCount: 1)
        let error = try #require(formatError { try writer.write(wrongType) })
        #expect(error.column == "a")
        #expect(error.message.contains("type float32 where the table has float64"))
        let wrongCount = ColumnBatch(columns: [], rowCount: 0)
        #expect(formatError { try writer.write(wrongCount) } != nil)
    }

    @Test func unwritableDestination() throws {
        let directory = try TemporaryDirectory()
        let schema = TableSchema(columns: [ColumnSchema(name: "a", type: .string, nullable: true)])
        let error = try #require(
            formatError { _ = try CSVWriter(path: directory.path + "/missing/out.csv", schema: schema) })
        #expect(error.message.contains("cannot create"))
    }
}
