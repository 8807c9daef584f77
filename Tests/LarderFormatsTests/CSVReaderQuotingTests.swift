import LarderTestSupport
import Testing

@testable import LarderFormats

/// RFC 4180 record and field splitting, checked at several read sizes so records straddle
/// the reads.
struct CSVReaderQuotingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var expected: [[String?]]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "plain fields", text: "a,b\n1,2\n3,4\n", expected: [["1", "2"], ["3", "4"]]),
        Case(name: "no final line break", text: "a,b\n1,2\n3,4", expected: [["1", "2"], ["3", "4"]]),
        Case(name: "quoted comma", text: "a,b\n\"x,y\",2\n", expected: [["x,y", "2"]]),
        Case(name: "doubled quotes", text: "a,b\n\"say \"\"hi\"\"\",\"\"\"\"\n", expected: [["say \"hi\"", "\""]]),
        Case(name: "line break inside quotes", text: "a,b\n\"one\ntwo\",2\n", expected: [["one\ntwo", "2"]]),
        Case(name: "CRLF inside quotes", text: "a,b\r\n\"one\r\ntwo\",2\r\n", expected: [["one\r\ntwo", "2"]]),
        Case(name: "CRLF records", text: "a,b\r\n1,2\r\n3,4\r\n", expected: [["1", "2"], ["3", "4"]]),
        Case(name: "lone CR records", text: "a,b\r1,2\r3,4", expected: [["1", "2"], ["3", "4"]]),
        Case(name: "byte order mark", text: "\u{FEFF}a,b\n1,2\n", expected: [["1", "2"]]),
        Case(name: "empty cells are null", text: "a,b,c\n,,\n1,,3\n", expected: [[nil, nil, nil], ["1", nil, "3"]]),
        Case(name: "quoted empty is an empty string", text: "a,b\n\"\",x\n", expected: [["", "x"]]),
        Case(name: "trailing comma gives an empty last cell", text: "a,b\n1,\n", expected: [["1", nil]]),
        Case(name: "blank lines are skipped", text: "a,b\n1,2\n\n\r\n3,4\n\n", expected: [["1", "2"], ["3", "4"]]),
        Case(name: "one column: a blank line is null", text: "a\n1\n\n2\n", expected: [["1"], [nil], ["2"]]),
        Case(name: "quote inside an unquoted field is literal", text: "a,b\nab\"c,2\n", expected: [["ab\"c", "2"]]),
        Case(name: "spaces are kept in text", text: "a,b\n  x , y\n", expected: [["  x ", " y"]]),
        Case(name: "UTF-8 text", text: "a,b\nzürich,東京\n", expected: [["zürich", "東京"]]),
        Case(
            name: "long field", text: "a,b\n" + String(repeating: "x", count: 5_000) + ",1\n",
            expected: [[String(repeating: "x", count: 5_000), "1"]]),
        Case(name: "quoted field at the end without a line break", text: "a,b\n1,\"z\"", expected: [["1", "z"]]),
        Case(name: "header only", text: "a,b\n", expected: []),
    ]

    @Test(arguments: cases, [7, 64, 1 << 22])
    func splitsRecords(_ testCase: Case, chunkSize: Int) throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(testCase.text, to: "t.csv")
        #expect(try readStrings(path, chunkSize: chunkSize) == testCase.expected)
    }

    @Test func headerNamesComeFromTheFirstRecord() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("\u{FEFF}\"user id\",\"a,b\",\"q\"\"x\"\r\n1,2,3\r\n", to: "t.csv")
        let reader = try CSVReader(path: path)
        #expect(reader.schema.columns.map(\.name) == ["user id", "a,b", "q\"x"])
        #expect(reader.schema.columns.allSatisfy { $0.nullable })
    }

    @Test func projectionReadsOnlyTheChosenColumnsInTheirOrder() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("a,b,c\n1,x,2.5\n2,y,oops\n", to: "t.csv")
        let reader = try CSVReader(path: path, declaredTypes: ["c": .float64])
        let batch = try reader.readAll(columns: ["b", "a"])
        #expect(batch.columns.map(\.name) == ["b", "a"])
        #expect(batch.columns[1].value(at: 1) == .int64(2))
    }

    @Test func batchesHoldAtMostBatchSizeRows() throws {
        let directory = try TemporaryDirectory()
        let text = "n\n" + (1...10).map(String.init).joined(separator: "\n") + "\n"
        let reader = try CSVReader(path: try directory.write(text, to: "t.csv"), batchSize: 4)
        var sizes: [Int] = []
        var values: [Int64] = []
        try reader.forEachBatch(columns: nil) { batch in
            sizes.append(batch.rowCount)
            values += (0..<batch.rowCount).compactMap { batch.columns[0].value(at: $0).int64Value }
        }
        #expect(sizes == [4, 4, 2])
        #expect(values == Array(1...10))
    }

    @Test func readsManyRowsAcrossReadsAndBatches() throws {
        let directory = try TemporaryDirectory()
        var text = "id,name,note\n"
        for index in 0..<20_000 {
            text += "\(index),\"name \(index)\",\(index % 3 == 0 ? "\"multi\nline, \"\"quoted\"\"\"" : "plain")\n"
        }
        let path = try directory.write(text, to: "t.csv")
        let reader = try CSVReader(path: path, batchSize: 1_000, inferenceRows: 10_000, chunkSize: 4_096)
        let batch = try reader.readAll()
        #expect(batch.rowCount == 20_000)
        #expect(batch.columns[0].value(at: 19_999) == .int64(19_999))
        #expect(batch.columns[1].value(at: 12_345) == .string("name 12345"))
        #expect(batch.columns[2].value(at: 9_999) == .string("multi\nline, \"quoted\""))
        #expect(batch.columns[2].value(at: 10_000) == .string("plain"))
    }
}
