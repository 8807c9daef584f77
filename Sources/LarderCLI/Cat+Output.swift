import LarderFormats

/// Thrown from a batch callback to stop reading once enough rows are printed.
private struct EnoughRows: Error {}

extension Cat {
    /// The schema as a table of column, type and nullable.
    func schemaTable(_ schema: TableSchema, columns: [String]?) throws -> TextTable {
        var table = TextTable(headers: ["column", "type", "nullable"])
        let chosen = try (columns ?? schema.columns.map(\.name)).map { name in
            guard let column = schema[name] else {
                throw FormatError(
                    file: file, column: name,
                    "no such column (columns: \(schema.columns.map(\.name).joined(separator: ", ")))")
            }
            return column
        }
        for column in chosen {
            table.appendRow([column.name, column.type.description, column.nullable ? "yes" : "no"])
        }
        return table
    }

    /// Prints rows as an aligned table, with a note when rows were left out.
    func writeTable(_ reader: any TableReader, _ emit: ([UInt8]) -> Void) throws {
        let shown = limit ?? Cat.defaultTableRows
        let headers = columnList ?? reader.schema.columns.map(\.name)
        var table = TextTable(headers: headers)
        var moreRows = false
        try forEachBatch(reader, rowLimit: shown + 1) { batch, rows in
            let added = table.appendRows(of: batch, limit: min(rows, shown - table.rows.count))
            if added < rows { moreRows = true }
        }
        emit(Array(table.rendered().utf8))
        if moreRows {
            emit(Array("(first \(shown) rows; use --limit N for more, or --jsonl / --csv for all)\n".utf8))
        }
    }

    /// Prints rows as JSON lines.
    func writeJSONLines(_ reader: any TableReader, _ emit: ([UInt8]) -> Void) throws {
        let encoder = JSONLinesEncoder()
        var text: [UInt8] = []
        try forEachBatch(reader, rowLimit: limit) { batch, rows in
            for start in stride(from: 0, to: rows, by: 1_024) {
                text.removeAll(keepingCapacity: true)
                encoder.encode(batch, rows: start..<min(start + 1_024, rows), into: &text)
                emit(text)
            }
        }
    }

    /// Prints rows as CSV with a header row.
    func writeCSV(_ reader: any TableReader, _ emit: ([UInt8]) -> Void) throws {
        let columns = try schemaTable(reader.schema, columns: columnList).rows.map { reader.schema[$0[0]]! }
        let encoder = CSVRowEncoder(schema: TableSchema(columns: columns), destination: "<stdout>")
        var text: [UInt8] = []
        encoder.encodeHeader(into: &text)
        emit(text)
        try forEachBatch(reader, rowLimit: limit) { batch, rows in
            for start in stride(from: 0, to: rows, by: 1_024) {
                text.removeAll(keepingCapacity: true)
                try encoder.encode(batch, rows: start..<min(start + 1_024, rows), into: &text)
                emit(text)
            }
        }
    }

    /// Calls `body` with batches of the chosen columns and how many of their leading rows to
    /// print, at most `rowLimit` in all, and stops reading the file once they are delivered.
    private func forEachBatch(
        _ reader: any TableReader, rowLimit: Int?, _ body: (ColumnBatch, Int) throws -> Void
    ) throws {
        var remaining = rowLimit ?? .max
        guard remaining > 0 else { return }
        do {
            try reader.forEachBatch(columns: columnList) { batch in
                if batch.rowCount < remaining {
                    remaining -= batch.rowCount
                    try body(batch, batch.rowCount)
                    return
                }
                try body(batch, remaining)
                remaining = 0
                throw EnoughRows()
            }
        } catch is EnoughRows {
            return
        }
    }
}
