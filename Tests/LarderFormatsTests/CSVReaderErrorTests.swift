import LarderTestSupport
import Testing

@testable import LarderFormats

/// Malformed files: each error names the file, the physical line and the column.
struct CSVReaderErrorTests {
    private func readError(_ text: String, declared: [String: ColumnType]? = nil) throws -> FormatError? {
        let directory = try TemporaryDirectory()
        let path = try directory.write(text, to: "bad.csv")
        let error = formatError { _ = try CSVReader(path: path, declaredTypes: declared, inferenceRows: 1).readAll() }
        if let error { #expect(error.file == path) }
        return error
    }

    @Test func raggedRowNamesItsLine() throws {
        let error = try #require(try readError("a,b,c\n1,2,3\n4,5\n"))
        #expect(error.line == 3)
        #expect(error.column == "c")
        #expect(error.message.contains("2 fields"))
        #expect(error.message.contains("header has 3"))
    }

    @Test func raggedRowWithTooManyFields() throws {
        let error = try #require(try readError("a,b\n1,2\n3,4,5\n"))
        #expect(error.line == 3)
        #expect(error.message.contains("3 fields"))
    }

    @Test func lineNumbersCountLineBreaksInsideQuotes() throws {
        // Record 2 spans lines 3 to 5, so the ragged record 3 starts on line 6.
        let text: [String: ColumnType] = ["a": .string, "b": .string]
        let error = try #require(try readError("a,b\n1,2\n\"x\ny\nz\",3\n4\n", declared: text))
        #expect(error.line == 6)
        let crlf = try #require(try readError("a,b\r\n1,2\r\n\"x\r\ny\r\nz\",3\r\n4\r\n", declared: text))
        #expect(crlf.line == 6)
    }

    @Test func theFirstBadCellInFileOrderIsNamedWhateverItsColumn() throws {
        // Two bad cells, in different columns and rows: the one met first in the file is named.
        let int64 = ColumnType.int(bits: 64, signed: true)
        let error = try #require(try readError("a,b\n1,2\n3,bad\nbad,4\n", declared: ["a": int64, "b": int64]))
        #expect(error.line == 3)
        #expect(error.column == "b")
        let sameRow = try #require(try readError("a,b\n1,2\nx,y\n", declared: ["a": int64, "b": int64]))
        #expect(sameRow.line == 3)
        #expect(sameRow.column == "a")
    }

    @Test func cellErrorNamesTheLineWhereTheFieldStarts() throws {
        let error = try #require(
            try readError("a,b\n\"x\ny\",notanumber\n", declared: ["b": .int(bits: 64, signed: true)]))
        #expect(error.line == 3)
        #expect(error.column == "b")
        #expect(error.message.contains("'notanumber' is not an int64"))
    }

    @Test(arguments: [
        (ColumnType.float64, "1.2.3", "is not a float64"),
        (.float32, "abc", "is not a float32"),
        (.int(bits: 8, signed: true), "300", "out of range for int8"),
        (.int(bits: 64, signed: false), "-1", "is not a uint64"),
        (.bool, "yes", "is not a bool"),
        (.timestamp(.microseconds, utcAdjusted: true), "2026-13-01", "is not a timestamp"),
        (.timestamp(.microseconds, utcAdjusted: true), "2026-01-02T03:04:05+25:00", "is not a timestamp"),
        (.date, "2026-02-30", "is not a date"),
        (.decimal(precision: 5, scale: 2), "1.234", "is not a decimal(5,2)"),
        (.bytes(fixedLength: nil), "not base64!", "base64"),
        (.list(.float64), "1.5, 2.5", "is not a list"),
        (.list(.float64), "[1.5, x]", "element 2 of the list"),
    ])
    func typedParsingErrors(type: ColumnType, cell: String, expected: String) throws {
        let error = try #require(
            try readError(
                "id,v\n1,ok\n2,\"\(cell)\"\n", declared: ["id": .string, "v": .string].merging(["v": type]) { $1 }))
        // Row 1 holds "ok", which fails too for most types; check whichever row failed.
        #expect(error.column == "v")
        #expect(error.line == 2 || error.line == 3)
        if error.line == 3 { #expect(error.message.contains(expected)) }
    }

    @Test func inferredTypeContradictedLaterSaysHowToFixIt() throws {
        let error = try #require(try readError("a\n1\n2\nx\n"))
        #expect(error.line == 4)
        #expect(error.column == "a")
        #expect(error.message.contains("inferred from the first 1 rows"))
        #expect(error.message.contains("declare the column's type"))
    }

    @Test func inferredTimestampUnitRejectsFinerValues() throws {
        let error = try #require(try readError("t\n2026-01-02T03:04:05.123456Z\n2026-01-02T03:04:05.123456789Z\n"))
        #expect(error.line == 3)
        #expect(error.message.contains("more precise than the column's unit"))
    }

    @Test func unclosedQuoteNamesTheLineWhereItOpens() throws {
        let error = try #require(try readError("a,b\n1,2\n3,\"open\nstill open\n"))
        #expect(error.line == 3)
        #expect(error.message.contains("not closed"))
    }

    @Test func textAfterClosingQuote() throws {
        let error = try #require(try readError("a,b\n1,\"x\"y\n"))
        #expect(error.line == 2)
        #expect(error.message.contains("after the closing quote"))
    }

    @Test(arguments: [
        ("", "empty"), ("\u{FEFF}", "empty"), ("\n1,2\n", "blank"), ("a,b,a\n1,2,3\n", "twice"),
    ])
    func badHeaders(text: String, expected: String) throws {
        let error = try #require(try readError(text))
        #expect(error.line == 1)
        #expect(error.message.contains(expected))
    }

    @Test func declaredColumnMissingFromTheHeader() throws {
        let error = try #require(try readError("a,b\n1,2\n", declared: ["c": .string]))
        #expect(error.column == "c")
        #expect(error.message.contains("missing from the header"))
    }

    @Test func listOfListsCannotBeDeclared() throws {
        let error = try #require(try readError("a\n1\n", declared: ["a": .list(.list(.float64))]))
        #expect(error.message.contains("list of lists"))
    }

    @Test func unknownAndRepeatedProjectionColumns() throws {
        let directory = try TemporaryDirectory()
        let reader = try CSVReader(path: try directory.write("a,b\n1,2\n", to: "t.csv"))
        let unknown = try #require(formatError { _ = try reader.readAll(columns: ["a", "zz"]) })
        #expect(unknown.column == "zz")
        #expect(unknown.message.contains("no such column (columns: a, b)"))
        let twice = try #require(formatError { _ = try reader.readAll(columns: ["a", "a"]) })
        #expect(twice.message.contains("twice"))
    }

    @Test func missingFileAndDirectory() throws {
        let directory = try TemporaryDirectory()
        let missing = try #require(formatError { _ = try CSVReader(path: directory.path + "/none.csv") })
        #expect(missing.description.contains("none.csv: cannot open: No such file or directory"))
        let folder = try #require(formatError { _ = try CSVReader(path: directory.path) })
        #expect(folder.message.contains("cannot read"))
    }

    @Test func errorDescriptionReadsFileLineColumn() throws {
        let error = try #require(try readError("a,b\n1\n"))
        #expect(error.description.hasSuffix("bad.csv:2: column 'b': the row has 1 field but the header has 2"))
    }
}
