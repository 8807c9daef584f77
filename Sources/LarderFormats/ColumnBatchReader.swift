/// A table held in memory, read like a file: rows a store or the facade produced (a feature
/// view's stored rows, logged features) handed to code that reads any ``TableReader``.
public final class ColumnBatchReader: TableReader {
    /// What the table is, for messages (there is no file).
    public let path: String
    /// The columns.
    public let schema: TableSchema
    private let batches: [ColumnBatch]

    /// A reader over batches that all have `schema`'s columns, in order.
    /// - Parameters:
    ///   - path: what the table is, for messages, such as `logged features of service 'fraud_v1'`.
    ///   - schema: the columns.
    ///   - batches: the rows.
    public init(path: String, schema: TableSchema, batches: [ColumnBatch]) {
        self.path = path
        self.schema = schema
        self.batches = batches
    }

    /// A reader over one batch, its schema taken from the batch's columns.
    /// - Parameters:
    ///   - path: what the rows are, for messages (such as `view user_transactions`).
    ///   - batch: the rows.
    public convenience init(path: String, batch: ColumnBatch) {
        let schema = TableSchema(
            columns: batch.columns.map { ColumnSchema(name: $0.name, type: $0.type, nullable: $0.validity != nil) })
        self.init(path: path, schema: schema, batches: [batch])
    }

    /// Calls `body` with each batch, keeping only `columns` (in that order) when given.
    /// - Parameters:
    ///   - columns: the columns to read, or `nil` for all.
    ///   - body: called once per batch.
    /// - Throws: ``FormatError`` naming an unknown column; whatever `body` throws.
    public func forEachBatch(columns: [String]?, _ body: (ColumnBatch) throws -> Void) throws {
        let names = columns ?? schema.columns.map(\.name)
        for name in names where schema[name] == nil {
            throw FormatError(
                file: path,
                "no column '\(name)' (columns: \(schema.columns.map(\.name).joined(separator: ", ")))")
        }
        for batch in batches {
            try body(ColumnBatch(columns: names.compactMap { batch.column(named: $0) }, rowCount: batch.rowCount))
        }
    }
}
