/// Writes a CSV file (RFC 4180) batch by batch; the format is ``CSVRowEncoder``'s.
///
/// The file appears at its path only when ``close()`` succeeds: until then the rows go to a
/// temporary file beside it, which is removed if the writer is dropped or fails.
public final class CSVWriter: TableWriter {
    /// The destination path.
    public let path: String
    /// The columns every batch must have, in order.
    public let schema: TableSchema
    private let encoder: CSVRowEncoder
    private var output: AtomicFileOutput?
    private static let rowsPerChunk = 4_096

    /// Starts a CSV file and writes its header row.
    /// - Parameters:
    ///   - path: where the file goes (replaced on ``close()`` if it exists).
    ///   - schema: the columns, in order.
    /// - Throws: ``FormatError`` when the temporary file cannot be created.
    public init(path: String, schema: TableSchema) throws {
        self.path = path
        self.schema = schema
        encoder = CSVRowEncoder(schema: schema, destination: path)
        let output = try AtomicFileOutput(path: path)
        try output.append { [encoder] (bytes) throws(FormatError) in encoder.encodeHeader(into: &bytes) }
        self.output = output
    }

    /// Appends the rows of a batch.
    /// - Parameter batch: rows with the writer's columns.
    /// - Throws: ``FormatError`` when the batch's columns differ from the schema, writing
    ///   fails, or the writer is closed.
    public func write(_ batch: ColumnBatch) throws {
        guard let output else { throw FormatError(file: path, "the writer is already closed") }
        try encoder.validate(batch)
        for start in stride(from: 0, to: batch.rowCount, by: Self.rowsPerChunk) {
            let rows = start..<min(start + Self.rowsPerChunk, batch.rowCount)
            try output.append { [encoder] (bytes) throws(FormatError) in
                try encoder.encode(batch, rows: rows, into: &bytes)
            }
        }
    }

    /// Writes out the remaining rows and moves the finished file into place.
    /// - Throws: ``FormatError`` when writing fails or the writer is already closed.
    public func close() throws {
        guard let output else { throw FormatError(file: path, "the writer is already closed") }
        self.output = nil
        try output.commit()
    }
}

@available(*, unavailable)
extension CSVWriter: Sendable {}
