/// A table file opened for reading: its schema, and its rows streamed in batches.
///
/// Implementations read only the columns asked for and hold one batch at a time, so a file
/// larger than memory can be read.
public protocol TableReader: AnyObject {
    /// The file being read.
    var path: String { get }
    /// The file's columns.
    var schema: TableSchema { get }
    /// Calls `body` with successive batches of rows, in file order.
    /// - Parameters:
    ///   - columns: the names of the columns to read, in the order wanted; `nil` for all.
    ///   - body: receives each batch.
    /// - Throws: ``FormatError`` when the file is malformed or a column is unknown; whatever
    ///   `body` throws.
    func forEachBatch(columns: [String]?, _ body: (ColumnBatch) throws -> Void) throws
}

extension TableReader {
    /// Reads the whole file (or the chosen columns) into one batch.
    /// - Parameter columns: the columns to read; `nil` for all.
    /// - Returns: every row.
    /// - Throws: ``FormatError`` when the file is malformed.
    public func readAll(columns: [String]? = nil) throws -> ColumnBatch {
        var batches: [ColumnBatch] = []
        try forEachBatch(columns: columns) { batches.append($0) }
        return ColumnBatch.concatenating(batches, schema: schema, columns: columns)
    }
}

/// A table file opened for writing, filled batch by batch.
public protocol TableWriter: AnyObject {
    /// Appends rows. Every batch has the columns the writer was created with.
    /// - Parameter batch: the rows.
    /// - Throws: ``FormatError`` when the file cannot be written.
    func write(_ batch: ColumnBatch) throws
    /// Finishes the file (footer, flush) and closes it; the file is complete only after this.
    /// - Throws: ``FormatError`` when the file cannot be written.
    func close() throws
}
