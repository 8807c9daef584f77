extension CSVReader {
    /// Calls `body` with successive batches of at most ``batchSize`` rows, in file order.
    /// - Parameters:
    ///   - columns: the columns to read, in the order wanted; `nil` for all. Cells of other
    ///     columns are skipped without being parsed.
    ///   - body: receives each batch.
    /// - Throws: ``FormatError`` for an unknown or repeated column, a ragged row, an unclosed
    ///   quote or a cell that does not parse; whatever `body` throws.
    public func forEachBatch(columns: [String]?, _ body: (ColumnBatch) throws -> Void) throws {
        let fieldIndices = try projection(columns)
        let names = schema.columns.map(\.name)
        var stream = try CSVRecordStream(path: path, chunkSize: chunkSize)
        guard try stream.nextRecord(), stream.fieldCount == names.count else {
            throw FormatError(file: path, line: 1, "the header changed since the file was opened")
        }
        var builders: [CSVColumnBuilder] = []
        for field in fieldIndices {
            let column = schema.columns[field]
            builders.append(
                try CSVColumnBuilder(
                    name: column.name, type: column.type, exactTimestamps: isInferred(column.name), capacity: batchSize)
            )
        }
        let batchSize = self.batchSize
        // Work on the builders through a buffer pointer, so appending a cell does not check
        // the array's uniqueness each time.
        try builders.withUnsafeMutableBufferPointer { slots in
            var rows = 0
            while try stream.nextRecord() {
                guard try Self.acceptRecord(stream, names: names) else { continue }
                for slot in 0..<slots.count {
                    let field = fieldIndices[slot]
                    do throws(CSVCellError) {
                        try slots[slot].append(stream.fieldBytes(field), quoted: stream.field(field).quoted)
                    } catch {
                        throw cellError(error, stream: stream, field: field)
                    }
                }
                rows += 1
                if rows == batchSize {
                    let columns = (0..<slots.count).map { slots[$0].finish(reserving: batchSize) }
                    try body(ColumnBatch(columns: columns, rowCount: rows))
                    rows = 0
                }
            }
            if rows > 0 {
                try body(ColumnBatch(columns: (0..<slots.count).map { slots[$0].finish() }, rowCount: rows))
            }
        }
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
