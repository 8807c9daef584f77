internal import LarderCore
internal import LarderFormats
import LarderStores

/// Moves the rows of a feature view's source batches into its data table: checks that the
/// file has every column the view reads, with a type that converts to the declared one, and
/// that no row lacks a join key or an event time.
struct SourceLoader {
    private let plan: SourceColumnPlan
    /// The insert parameter of each of the plan's targets; the sequence comes after the
    /// creation time.
    private let parameters: [Int32]
    private let sequenceParameter: Int32
    /// The distinct source columns to read, in the order the reader should return them.
    var sourceColumns: [String] { plan.sourceColumns }

    /// Prepares to load a source, checking its schema.
    /// - Parameters:
    ///   - table: the feature view's description.
    ///   - schema: the source file's columns.
    ///   - path: the source file, for error messages.
    /// - Throws: ``OfflineStoreError`` (`invalidSource`) naming the file and the column that
    ///   is missing or has a type the declared type cannot hold.
    init(table: OfflineTable, schema: TableSchema, path: String) throws {
        plan = try SourceColumnPlan(table: table, schema: schema, path: path)
        // Keys, event time and creation time come first; the sequence, then the features.
        let beforeSequence = table.joinKeys.count + 2
        parameters = plan.targets.indices.map { Int32($0 < beforeSequence ? $0 + 1 : $0 + 2) }
        sequenceParameter = Int32(beforeSequence + 1)
    }

    /// Inserts a batch's rows (the caller wraps this in a transaction).
    /// - Parameters:
    ///   - batch: rows with the columns ``sourceColumns`` names.
    ///   - firstRow: how many rows came before this batch, for error messages.
    ///   - insert: the data table's insert statement.
    /// - Throws: ``OfflineStoreError`` (`invalidSource`) naming the file, row and column of a
    ///   null join key or event time, or of a value out of range; ``SQLiteError``.
    func insert(_ batch: ColumnBatch, firstRow: Int, using insert: SQLiteStatement) throws {
        var targets: [SourceColumnBinder.Target] = []
        var bound: [SourceColumnPlan.Target] = []
        for (index, target) in plan.targets.enumerated() where !target.sourceColumn.isEmpty {
            let column = try plan.column(for: target, in: batch)
            targets.append(.init(column: column, declared: target.declared, parameter: parameters[index]))
            bound.append(target)
        }
        try SourceColumnBinder.withBinders(targets) { binders in
            for row in 0..<batch.rowCount {
                for index in 0..<binders.count {
                    let present: Bool
                    do {
                        present = try binders.bind(index, row: row, to: insert)
                    } catch let error as ValueOutOfRange {
                        throw plan.rowError(firstRow + row, bound[index], error.message)
                    }
                    if !present, bound[index].required {
                        throw plan.rowError(firstRow + row, bound[index], "the \(bound[index].role) is null")
                    }
                }
                try insert.bind(Int64(firstRow + row + 1), at: sequenceParameter)
                try insert.run()
            }
        }
    }
}
