/// Writes a Parquet file that pyarrow, pandas and Larder read back with identical values and
/// types: timestamps as TIMESTAMP(MICROS or NANOS, UTC), strings as STRING, nullable columns
/// with definition levels, lists in the standard three-level LIST layout, decimals as INT64
/// (up to 18 digits) or FIXED_LEN_BYTE_ARRAY.
///
/// Rows are buffered and written a row group at a time into a temporary file next to `path`,
/// which ``close()`` renames onto `path`; a writer that fails or is never closed leaves no file.
public final class ParquetWriter: TableWriter {
    /// The file being written.
    public let path: String
    /// The columns every batch must have, in order.
    public let schema: TableSchema
    /// How the file is written.
    public let options: Options

    private let plans: [ParquetColumnPlan]
    private let sink: ParquetFileSink
    private var pending: ColumnBatch?
    private var rowGroups: [ParquetRowGroup] = []
    private var rowsWritten = 0
    private var failed = false
    private var closed = false

    /// Creates the temporary file and writes the leading magic.
    /// - Parameters:
    ///   - path: where the finished file goes.
    ///   - schema: the columns to write.
    ///   - options: compression, dictionary encoding and row-group size.
    /// - Throws: ``FormatError`` when a column's type cannot be written or the file cannot be created.
    public init(path: String, schema: TableSchema, options: Options = .init()) throws {
        self.path = path
        self.schema = schema
        self.options = options
        plans = try schema.columns.map { try ParquetColumnPlan($0, file: path) }
        var names = Set<String>()
        for column in schema.columns where !names.insert(column.name).inserted {
            throw FormatError(file: path, column: column.name, "the column appears twice in the schema")
        }
        do {
            sink = try ParquetFileSink(target: path)
            try sink.append(ParquetFooter.magic)
        } catch let error as ParquetCorruption {
            throw FormatError(file: path, error.message)
        }
    }

    /// Appends rows; full row groups are encoded and written as they fill.
    /// - Parameter batch: rows with the writer's columns, in order, of the writer's types.
    /// - Throws: ``FormatError`` naming the column when the batch does not match the schema or a
    ///   value cannot be stored; the file is then abandoned.
    public func write(_ batch: ColumnBatch) throws {
        try checkUsable()
        try guarded { try check(batch) }
        if var buffered = pending {
            for index in buffered.columns.indices { buffered.columns[index].append(contentsOf: batch.columns[index]) }
            buffered.rowCount += batch.rowCount
            pending = buffered
        } else {
            pending = batch
        }
        guard let buffered = pending, buffered.rowCount >= options.rowGroupRows else { return }
        var start = 0
        while buffered.rowCount - start >= options.rowGroupRows {
            try guarded { try writeRowGroup(buffered, rows: start..<start + options.rowGroupRows) }
            start += options.rowGroupRows
        }
        pending = start == buffered.rowCount ? nil : buffered.slicing(rows: start..<buffered.rowCount)
    }

    /// Writes the remaining rows and the footer, then moves the file into place.
    /// - Throws: ``FormatError`` when the file cannot be finished; no file is left at `path`.
    public func close() throws {
        try checkUsable()
        try guarded {
            if let buffered = pending, buffered.rowCount > 0 || rowGroups.isEmpty {
                try writeRowGroup(buffered, rows: 0..<buffered.rowCount)
            } else if rowGroups.isEmpty {
                let empty = ColumnBatch.concatenating([], schema: schema, columns: nil)
                try writeRowGroup(empty, rows: 0..<0)
            }
            pending = nil
            var metaData = ParquetFileMetaData()
            metaData.version = 2
            metaData.schema = [rootElement()] + plans.flatMap(\.elements)
            metaData.numRows = Int64(rowsWritten)
            metaData.rowGroups = rowGroups
            metaData.createdBy = "larder"
            try sink.append(metaData.encodedFileTail())
            try sink.commit()
        }
        closed = true
    }

    private func rootElement() -> ParquetSchemaElement {
        var root = ParquetSchemaElement(name: "schema")
        root.numChildren = Int32(plans.count)
        return root
    }

    private func writeRowGroup(_ batch: ColumnBatch, rows: Range<Int>) throws {
        var group = ParquetRowGroup()
        group.numRows = Int64(rows.count)
        group.fileOffset = Int64(sink.offset)
        var compressed: Int64 = 0
        var uncompressed: Int64 = 0
        for (plan, column) in zip(plans, batch.columns) {
            let encoder = ParquetColumnChunkEncoder(plan: plan, options: options)
            let chunk: ParquetColumnChunkEncoder.Chunk
            do {
                chunk = try encoder.encode(column, rows: rows, at: sink.offset)
            } catch let error as ParquetCorruption {
                throw FormatError(file: path, column: plan.name, error.message)
            }
            try sink.append(chunk.bytes)
            var columnChunk = ParquetColumnChunk()
            columnChunk.fileOffset = chunk.metaData.dictionaryPageOffset ?? chunk.metaData.dataPageOffset
            columnChunk.metaData = chunk.metaData
            group.columns.append(columnChunk)
            compressed += chunk.metaData.totalCompressedSize
            uncompressed += chunk.metaData.totalUncompressedSize
        }
        group.totalByteSize = uncompressed
        group.totalCompressedSize = compressed
        rowGroups.append(group)
        rowsWritten += rows.count
    }

    private func check(_ batch: ColumnBatch) throws {
        guard batch.columns.count == schema.columns.count else {
            throw FormatError(
                file: path,
                "a batch has \(batch.columns.count) columns; the writer was created with \(schema.columns.count)")
        }
        for (column, expected) in zip(batch.columns, schema.columns) {
            guard column.name == expected.name, column.type == expected.type else {
                throw FormatError(
                    file: path, column: column.name,
                    "a batch column \(column.name) of type \(column.type) is where \(expected.name) of type \(expected.type) was expected"
                )
            }
            guard column.count == batch.rowCount, column.validity.map({ $0.count == batch.rowCount }) ?? true else {
                throw FormatError(
                    file: path, column: column.name,
                    "the column has \(column.count) rows; the batch has \(batch.rowCount)")
            }
            if !expected.nullable, let row = column.validity?.firstIndex(of: false) {
                throw FormatError(
                    file: path, column: column.name, "the column is not nullable but row \(row) of the batch is null")
            }
        }
    }

    private func checkUsable() throws {
        guard !failed else { throw FormatError(file: path, "the writer failed earlier; the file was not written") }
        guard !closed else { throw FormatError(file: path, "the writer is already closed") }
    }

    /// Runs `work`; on any error abandons the file so nothing is left at `path`.
    private func guarded(_ work: () throws -> Void) throws {
        do {
            try work()
        } catch let error as ParquetCorruption {
            failed = true
            sink.discard()
            throw FormatError(file: path, error.message)
        } catch {
            failed = true
            sink.discard()
            throw error
        }
    }
}

@available(*, unavailable)
extension ParquetWriter: Sendable {}
