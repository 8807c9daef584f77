import Testing

@testable import LarderFormats

/// The aligned text table `larder cat` prints.
struct TableFilesTextTableTests {
    @Test func alignsColumnsAndRightAlignsNumbers() {
        var strings = BinaryValues()
        for text in ["short", "a much longer value", "tab\there\nnewline"] { strings.append(Array(text.utf8)) }
        let batch = ColumnBatch(
            columns: [
                Column(name: "id", type: .int(bits: 64, signed: true), storage: .int64([1, 22, 333])),
                Column(name: "name", type: .string, storage: .binary(strings), validity: [true, true, true]),
                Column(name: "amount", type: .float64, storage: .float64([1.5, 0, 2]), validity: [true, false, true]),
            ], rowCount: 3)
        var table = TextTable(headers: ["id", "name", "amount"])
        #expect(table.appendRows(of: batch, limit: 10) == 3)
        #expect(
            table.rendered() == """
                id   name                 amount
                ---  -------------------  ------
                  1  short                   1.5
                 22  a much longer value    null
                333  tab\\there\\nnewline      2.0

                """)
    }

    @Test func respectsTheLimitAndCutsLongCells() {
        var strings = BinaryValues()
        for text in [String(repeating: "x", count: 50), "b", "c"] { strings.append(Array(text.utf8)) }
        let batch = ColumnBatch(columns: [Column(name: "s", type: .string, storage: .binary(strings))], rowCount: 3)
        var table = TextTable(headers: ["s"])
        table.maxCellWidth = 10
        #expect(table.appendRows(of: batch, limit: 2) == 2)
        #expect(table.rendered() == "s\n----------\nxxxxxxxxx…\nb\n")
    }
}
