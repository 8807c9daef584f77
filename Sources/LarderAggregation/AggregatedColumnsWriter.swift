public import LarderFormats
import LarderCore
import LarderStores

/// A training set writer that adds aggregated feature columns to the batches a
/// point-in-time join writes: each batch gets, for its rows, the values the
/// ``AggregationTrainingColumns`` compute, at the requested output positions.
public final class AggregatedColumnsWriter: TableWriter {
    private let base: any TableWriter
    private let columns: AggregationTrainingColumns
    private let positions: [Int]
    private var rowsWritten = 0

    /// Wraps a writer.
    /// - Parameters:
    ///   - base: the training set's writer, opened with the full schema.
    ///   - columns: computes the aggregated columns.
    ///   - positions: for each aggregated column, its position in the full schema.
    public init(base: any TableWriter, columns: AggregationTrainingColumns, positions: [Int]) {
        self.base = base
        self.columns = columns
        self.positions = positions
    }

    /// The full schema: the join's columns with the aggregated ones inserted at their positions.
    /// - Parameters:
    ///   - joined: the join's output schema.
    ///   - columns: the aggregated columns.
    ///   - positions: their positions in the full schema.
    /// - Returns: the full schema.
    public static func schema(
        joined: TableSchema, columns: AggregationTrainingColumns, positions: [Int]
    ) -> TableSchema {
        TableSchema(columns: inserting(columns.schema, at: positions, into: joined.columns))
    }

    /// Inserts elements at their final positions, lowest position first, so that each lands
    /// where asked whatever order they come in.
    private static func inserting<Element>(_ added: [Element], at positions: [Int], into base: [Element]) -> [Element] {
        var all = base
        for index in positions.indices.sorted(by: { positions[$0] < positions[$1] }) {
            all.insert(added[index], at: positions[index])
        }
        return all
    }

    /// Writes a batch of joined rows with their aggregated columns.
    /// - Parameter batch: the join's rows.
    /// - Throws: the base writer's errors.
    public func write(_ batch: ColumnBatch) throws {
        let added = columns.columns(rows: rowsWritten..<rowsWritten + batch.rowCount)
        rowsWritten += batch.rowCount
        try base.write(
            ColumnBatch(columns: Self.inserting(added, at: positions, into: batch.columns), rowCount: batch.rowCount))
    }

    /// Closes the base writer.
    /// - Throws: the base writer's errors.
    public func close() throws {
        try base.close()
    }
}
