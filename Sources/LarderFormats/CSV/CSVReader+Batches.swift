extension CSVReader {
    /// Calls `body` with successive batches of at most ``batchSize`` rows, in file order.
    ///
    /// Two threads share the work: one splits the file into the next batch's cells
    /// (``CSVCellBatch``) while the calling thread converts the previous batch's cells into
    /// typed columns and calls `body`.
    /// - Parameters:
    ///   - columns: the columns to read, in the order wanted; `nil` for all. Cells of other
    ///     columns are skipped without being parsed.
    ///   - body: receives each batch.
    /// - Throws: ``FormatError`` for an unknown or repeated column, a ragged row, an unclosed
    ///   quote or a cell that does not parse; whatever `body` throws.
    public func forEachBatch(columns: [String]?, _ body: (ColumnBatch) throws -> Void) throws {
        let fieldIndices = try projection(columns)
        let names = schema.columns.map(\.name)
        var builders: [CSVColumnBuilder] = []
        for field in fieldIndices {
            let column = schema.columns[field]
            builders.append(
                try CSVColumnBuilder(
                    name: column.name, type: column.type, exactTimestamps: isInferred(column.name), capacity: batchSize)
            )
        }
        let (path, chunkSize, batchSize) = (path, chunkSize, batchSize)
        try Prefetch.forEach { emit in
            var stream = try CSVRecordStream(path: path, chunkSize: chunkSize)
            guard try stream.nextRecord(), stream.fieldCount == names.count else {
                throw FormatError(file: path, line: 1, "the header changed since the file was opened")
            }
            var cells = CSVCellBatch(columnCount: fieldIndices.count, capacity: batchSize)
            while try stream.nextRecord() {
                guard try Self.acceptRecord(stream, names: names) else { continue }
                cells.append(&stream, fields: fieldIndices)
                if cells.rowCount == batchSize {
                    guard emit(cells) else { return }
                    cells = CSVCellBatch(columnCount: fieldIndices.count, capacity: batchSize)
                }
            }
            if cells.rowCount > 0 { _ = emit(cells) }
        } consume: { (cells: CSVCellBatch) in
            try body(convert(cells, with: &builders, fields: fieldIndices))
        }
    }

    /// Converts a batch's cells into typed columns.
    /// - Throws: ``FormatError`` for the first cell, in file order, that does not parse.
    private func convert(
        _ cells: CSVCellBatch, with builders: inout [CSVColumnBuilder], fields: [Int]
    ) throws -> ColumnBatch {
        var failure: (row: Int, column: Int, error: CSVCellError)?
        for column in builders.indices {
            let failed = cells.forEachCell(of: column) { (bytes, quoted) throws(CSVCellError) in
                try builders[column].append(bytes, quoted: quoted)
            }
            // Each column stops at its first bad cell; the first of those in row order is named.
            if let failed, failure.map({ failed.row < $0.row }) ?? true {
                failure = (failed.row, column, failed.error)
            }
        }
        if let failure {
            throw cellError(
                failure.error, line: cells.line(row: failure.row, column: failure.column),
                field: fields[failure.column])
        }
        let full = cells.rowCount == batchSize
        let columns = builders.indices.map { builders[$0].finish(reserving: full ? batchSize : 0) }
        return ColumnBatch(columns: columns, rowCount: cells.rowCount)
    }

    /// The header positions of the columns asked for.
    private func projection(_ columns: [String]?) throws(FormatError) -> [Int] {
        guard let columns else { return Array(schema.columns.indices) }
        var seen: Set<String> = []
        return try columns.map { (name) throws(FormatError) -> Int in
            guard let index = schema.columns.firstIndex(where: { $0.name == name }) else {
                throw FormatError(
                    file: path, column: name,
                    "no such column (columns: \(schema.columns.map(\.name).joined(separator: ", ")))")
            }
            guard seen.insert(name).inserted else {
                throw FormatError(file: path, column: name, "the column is asked for twice")
            }
            return index
        }
    }
}
