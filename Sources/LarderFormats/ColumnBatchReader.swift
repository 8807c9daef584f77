/// A table held in memory, read like a file: rows a store produced (a feature view's stored
/// rows, logged features) handed to code that reads any ``TableReader``.
public final class ColumnBatchReader: TableReader {
    /// What the rows are, for messages (such as `view user_transactions`).
    public let path: String
    /// The columns.
    public let schema: TableSchema
    private let batch: ColumnBatch

    /// A reader over one batch.
    /// - Parameters:
    ///   - path: what the rows are, for messages.
    ///   - batch: the rows.
    public init(path: String, batch: ColumnBatch) {
        self.path = path
        self.batch = batch
        schema = TableSchema(
            columns: batch.columns.map { ColumnSchema(name: $0.name, type: $0.type, nullable: $0.validity != nil) })
    }

    /// Calls `body` once with the chosen columns of the whole table.
    /// - Parameters:
    ///   - columns: the columns wanted, `nil` for all.
    ///   - body: receives the batch.
    /// - Throws: ``FormatError`` for an unknown column; whatever `body` throws.
    public func forEachBatch(columns: [String]?, _ body: (ColumnBatch) throws -> Void) throws {
        guard let columns else { return try body(batch) }
        let chosen = try columns.map { name in
            guard let column = batch.column(named: name) else {
                throw FormatError(file: path, column: name, "no such column")
            }
            return column
        }
        try body(ColumnBatch(columns: chosen, rowCount: batch.rowCount))
    }
}
