/// Writes rows as CSV text (RFC 4180): a header row, then one line per row, LF-terminated.
///
/// A cell is quoted when it holds a comma, a quote (doubled inside), CR or LF, and an empty
/// string is written `""` so it stays distinct from null, which is an empty cell. Cells are
/// written as ``CellTextStyle/plain`` describes: timestamps as RFC 3339 in UTC with as many
/// fraction digits as the column's unit (naive timestamps without the `Z`), floats in their
/// shortest exact form (`nan`, `inf`, `-inf` for non-finite), bytes as base64, decimals
/// exactly, and lists as JSON arrays. ``CSVReader`` reads all of it back unchanged.
public struct CSVRowEncoder: Sendable {
    /// The columns every batch must have, in order.
    public let schema: TableSchema
    /// The destination's name, for errors.
    public let destination: String

    /// An encoder for tables of one schema.
    /// - Parameters:
    ///   - schema: the columns, in order.
    ///   - destination: where the text goes (a path, or `<stdout>`), for errors.
    public init(schema: TableSchema, destination: String) {
        self.schema = schema
        self.destination = destination
    }

    /// Appends the header row.
    /// - Parameter output: receives the text.
    public func encodeHeader(into output: inout [UInt8]) {
        for (index, column) in schema.columns.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            let start = output.count
            output.append(contentsOf: column.name.utf8)
            Self.quoteIfNeeded(&output, from: start, emptyIsValue: true)
        }
        output.append(0x0A)
    }

    /// Appends rows of a batch.
    /// - Parameters:
    ///   - batch: rows with this encoder's columns.
    ///   - rows: which rows; `nil` for all.
    ///   - output: receives the text.
    /// - Throws: ``FormatError`` when the batch's columns differ from the schema.
    public func encode(_ batch: ColumnBatch, rows: Range<Int>? = nil, into output: inout [UInt8]) throws(FormatError) {
        try validate(batch)
        let textColumns = batch.columns.map { column in
            switch column.type {
            case .string, .bytes: true
            default: false
            }
        }
        for row in rows ?? 0..<batch.rowCount {
            for (index, column) in batch.columns.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                let start = output.count
                column.appendText(at: row, style: .plain, into: &output)
                Self.quoteIfNeeded(&output, from: start, emptyIsValue: textColumns[index] && !column.isNull(at: row))
            }
            output.append(0x0A)
        }
    }

    /// Checks that a batch has the schema's columns, names and types in order.
    /// - Throws: ``FormatError`` naming the first column that differs.
    public func validate(_ batch: ColumnBatch) throws(FormatError) {
        guard batch.columns.count == schema.columns.count else {
            throw FormatError(
                file: destination,
                "a batch has \(batch.columns.count) columns but the table has \(schema.columns.count)")
        }
        for (column, expected) in zip(batch.columns, schema.columns) {
            guard column.name == expected.name, column.type == expected.type else {
                throw FormatError(
                    file: destination, column: expected.name,
                    "a batch has column '\(column.name)' of type \(column.type) where the table has \(expected.type)")
            }
            guard column.count == batch.rowCount else {
                throw FormatError(
                    file: destination, column: column.name,
                    "the column has \(column.count) rows but the batch has \(batch.rowCount)")
            }
        }
    }

    /// Encloses the cell written from `start` in quotes when it needs them.
    private static func quoteIfNeeded(_ output: inout [UInt8], from start: Int, emptyIsValue: Bool) {
        if output.count == start {
            if emptyIsValue { output.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: "\"")]) }
            return
        }
        var needsQuotes = false
        for index in start..<output.count {
            let byte = output[index]
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D {
                needsQuotes = true
                break
            }
        }
        guard needsQuotes else { return }
        let cell = Array(output[start...])
        output.removeSubrange(start...)
        output.append(UInt8(ascii: "\""))
        for byte in cell {
            output.append(byte)
            if byte == UInt8(ascii: "\"") { output.append(byte) }
        }
        output.append(UInt8(ascii: "\""))
    }
}
