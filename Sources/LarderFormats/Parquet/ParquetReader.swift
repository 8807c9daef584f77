/// Reads a Parquet file written by pyarrow, pandas, Spark, DuckDB or Larder, one row group at a
/// time and only the columns asked for.
///
/// Top-level scalar columns and lists of scalars are readable. Columns Larder cannot represent
/// (maps, structs, lists of lists, TIME) are left out of ``schema`` and listed in
/// ``unsupportedColumns``; asking for one by name throws a ``FormatError`` saying what it is,
/// and the file's other columns stay readable.
public final class ParquetReader: TableReader {
    /// The file being read.
    public let path: String
    /// The readable columns, in file order.
    public let schema: TableSchema
    /// Columns that cannot be read, by name, with the reason (for example
    /// `not supported: column 'tags' is a MAP`).
    public let unsupportedColumns: [String: String]
    /// The number of rows in the file.
    public var rowCount: Int { Int(footer.metaData.numRows) }
    /// The number of row groups; ``forEachBatch(columns:_:)`` yields one batch per row group.
    public var rowGroupCount: Int { footer.metaData.rowGroups.count }

    private let source: any ParquetByteSource
    private let footer: ParquetFooter
    /// Holds one column chunk's bytes at a time, reused across chunks and row groups.
    private var chunkBuffer: [UInt8] = []

    /// Opens a Parquet file and validates its footer.
    /// - Parameter path: the file's path.
    /// - Throws: ``FormatError`` naming the file when it cannot be opened or is not a valid
    ///   Parquet file.
    public convenience init(path: String) throws {
        let source: ParquetFileSource
        do {
            source = try ParquetFileSource(path: path)
        } catch let error as ParquetCorruption {
            throw FormatError(file: path, error.message)
        }
        try self.init(path: path, source: source)
    }

    /// Opens Parquet bytes from any source, reporting errors against `path`.
    /// - Parameters:
    ///   - path: the name errors use.
    ///   - source: the bytes.
    /// - Throws: ``FormatError`` when the footer is invalid.
    init(path: String, source: any ParquetByteSource) throws {
        self.path = path
        self.source = source
        do {
            footer = try ParquetFooter(source: source)
        } catch let error as ParquetCorruption {
            throw FormatError(file: path, error.message)
        }
        var columns: [ColumnSchema] = []
        var unsupported: [String: String] = [:]
        for field in footer.schema.fields {
            switch field.layout {
            case .success(let layout):
                columns.append(ColumnSchema(name: field.name, type: layout.type, nullable: layout.nullable))
            case .failure(let reason):
                unsupported[field.name] = "not supported: column '\(field.name)' is \(reason.kind)"
            }
        }
        schema = TableSchema(columns: columns)
        unsupportedColumns = unsupported
    }

    /// Calls `body` with one batch per row group, holding the columns asked for.
    /// - Parameters:
    ///   - columns: the columns to read, in the order wanted; `nil` for every column of
    ///     ``schema``.
    ///   - body: receives each batch.
    /// - Throws: ``FormatError`` naming the file (and column) when a column is unknown or
    ///   unsupported, or a page is corrupt; whatever `body` throws.
    public func forEachBatch(columns: [String]?, _ body: (ColumnBatch) throws -> Void) throws {
        let fields = try resolve(columns)
        for index in footer.metaData.rowGroups.indices {
            try body(try readRowGroup(index, fields: fields))
        }
    }

    /// Reads one row group.
    /// - Parameters:
    ///   - index: the row group, from 0 to ``rowGroupCount`` - 1.
    ///   - columns: the columns to read; `nil` for every column of ``schema``.
    /// - Returns: the row group's rows.
    /// - Throws: ``FormatError`` when a column is unknown or unsupported, or the data is corrupt.
    public func readRowGroup(_ index: Int, columns: [String]? = nil) throws -> ColumnBatch {
        guard footer.metaData.rowGroups.indices.contains(index) else {
            throw FormatError(file: path, "row group \(index) does not exist; the file has \(rowGroupCount)")
        }
        return try readRowGroup(index, fields: try resolve(columns))
    }

    private func resolve(_ columns: [String]?) throws -> [(name: String, layout: ParquetFieldLayout)] {
        let names = columns ?? schema.columns.map(\.name)
        return try names.map { name in
            guard let field = footer.schema.fields.first(where: { $0.name == name }) else {
                throw FormatError(
                    file: path, column: name,
                    "no such column; the file has \(schema.columns.map(\.name).joined(separator: ", "))")
            }
            switch field.layout {
            case .success(let layout): return (name, layout)
            case .failure: throw FormatError(file: path, unsupportedColumns[name] ?? "not supported: column '\(name)'")
            }
        }
    }

    private func readRowGroup(_ index: Int, fields: [(name: String, layout: ParquetFieldLayout)]) throws -> ColumnBatch
    {
        let group = footer.metaData.rowGroups[index]
        let rows = Int(group.numRows)
        let columns = try fields.map { field in
            do {
                return try readChunk(group.columns[field.layout.leafIndex], field: field, rows: rows)
            } catch let error as ParquetCorruption {
                throw FormatError(file: path, column: field.name, "row group \(index): \(error.message)")
            }
        }
        return ColumnBatch(columns: columns, rowCount: rows)
    }

    private func readChunk(
        _ chunk: ParquetColumnChunk, field: (name: String, layout: ParquetFieldLayout), rows: Int
    ) throws -> Column {
        guard chunk.filePath == nil else {
            throw ParquetCorruption("column data in another file (\(chunk.filePath!)) is not supported")
        }
        guard let metaData = chunk.metaData else { throw ParquetCorruption("column chunk has no metadata") }
        let leaf = footer.schema.leaves[field.layout.leafIndex]
        if rows == 0 && metaData.numValues == 0 {
            return Column(name: field.name, type: field.layout.type, storage: .empty(for: field.layout.type))
        }
        let range = try footer.chunkRange(metaData, leaf: leaf)
        let decoder = try ParquetColumnChunkDecoder(
            name: field.name, layout: field.layout, leaf: leaf, metaData: metaData, rowCount: rows)
        try source.read(offset: range.lowerBound, count: range.count, into: &chunkBuffer)
        // Preallocate for the declared values, but never more than the stored bytes could
        // plausibly hold, so corrupt metadata cannot force a huge allocation.
        let plausible = max(1 << 16, range.count * 64)
        return try decoder.decode(chunkBuffer, length: range.count, reserving: min(Int(metaData.numValues), plausible))
    }
}

@available(*, unavailable)
extension ParquetReader: Sendable {}
