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
    /// The targets that make up the data table's key: the join keys, the event and creation times.
    private let keyPartCount: Int
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
        keyPartCount = beforeSequence
    }

    /// Inserts a batch's rows in file order (the caller wraps this in a transaction).
    /// - Parameters:
    ///   - batch: rows with the columns ``sourceColumns`` names.
    ///   - firstRow: how many rows came before this batch, for error messages.
    ///   - insert: the insert statement.
    /// - Throws: ``OfflineStoreError`` (`invalidSource`) naming the file, row and column of a
    ///   null join key or event time, or of a value out of range; ``SQLiteError``.
    func insert(_ batch: ColumnBatch, firstRow: Int, using insert: SQLiteStatement) throws {
        try self.insert(batch, sequences: firstRow..<firstRow + batch.rowCount, using: insert)
    }

    /// Inserts a batch's rows in order, row `i` as the file's row `sequences[i]` (from 0).
    private func insert(
        _ batch: ColumnBatch, sequences: some Collection<Int>, using insert: SQLiteStatement
    ) throws {
        let bound = try bindings(of: batch)
        try SourceColumnBinder.withBinders(bound.targets) { binders in
            // Text is bound in place (no copy): unbind it before the batch can go.
            defer { insert.clearBindings() }
            for (row, sequence) in zip(0..<batch.rowCount, sequences) {
                try insertRow(row, sequence: sequence, binders: binders, bound: bound.plan, using: insert)
            }
        }
    }

    /// Inserts a run of batches in point-in-time order (see ``SourceRowOrder``), so SQLite
    /// appends every row at the end of the data table (the caller wraps this in a
    /// transaction). The rows are gathered into that order 65,536 at a time
    /// (``Column/gathering(_:at:)``) on another thread, a chunk or two ahead of the inserts
    /// (``Prefetch``), and bound from there.
    /// - Parameters:
    ///   - run: consecutive batches of the file, with the columns ``sourceColumns`` names.
    ///   - firstRow: how many rows came before the run.
    ///   - insert: the data table's insert statement.
    /// - Throws: as ``insert(_:firstRow:using:)`` does.
    func insert(run: [ColumnBatch], firstRow: Int, using insert: SQLiteStatement) throws {
        guard let first = run.first else { return }
        let rowCount = run.reduce(0) { $0 + $1.rowCount }
        let keyParts = 0..<keyPartCount
        let columns = try keyParts.map { index -> [Column]? in
            let target = plan.targets[index]
            return target.sourceColumn.isEmpty ? nil : try run.map { try plan.column(for: target, in: $0) }
        }
        let order = SourceRowOrder.sorted(
            columns: columns, types: keyParts.map { plan.targets[$0].declared }, rowCount: rowCount)
        var batchOfRow: [Int32] = []
        var rowInBatch: [Int32] = []
        if run.count > 1 {
            batchOfRow.reserveCapacity(rowCount)
            rowInBatch.reserveCapacity(rowCount)
            for (index, batch) in run.enumerated() {
                batchOfRow += repeatElement(Int32(index), count: batch.rowCount)
                rowInBatch += (0..<Int32(batch.rowCount))
            }
        }
        let names = first.columns.map(\.name)
        let sameColumns = run.allSatisfy { $0.columns.map(\.name) == names }
        let gatherRows = Self.gatherRows
        let chunkCount = (order.count + gatherRows - 1) / gatherRows
        try Prefetch.forEach(count: chunkCount) { [batchOfRow, rowInBatch] chunk in
            let positions = order[chunk * gatherRows..<min((chunk + 1) * gatherRows, order.count)]
            var picks: [(batch: Int, row: Int)] = []
            picks.reserveCapacity(positions.count)
            if run.count > 1 {
                for position in positions { picks.append((Int(batchOfRow[position]), Int(rowInBatch[position]))) }
            } else {
                for position in positions { picks.append((0, position)) }
            }
            let gathered = names.indices.map { column in
                sameColumns ? Column.gathering(run.map { $0.columns[column] }, at: picks) : nil
            }
            let batch =
                gathered.allSatisfy({ $0 != nil })
                ? ColumnBatch(columns: gathered.map { $0! }, rowCount: picks.count) : nil
            return GatheredChunk(picks: picks, sequences: positions.map { firstRow + $0 }, batch: batch)
        } consume: { chunk in
            if let batch = chunk.batch {
                try self.insert(batch, sequences: chunk.sequences, using: insert)
            } else {
                // Lists, or batches the reader typed differently: bound where they are.
                try insertInPlace(run, picks: chunk.picks, sequences: chunk.sequences, using: insert)
            }
        }
    }

    /// Rows of a run picked in point-in-time order, gathered into one batch where their
    /// columns allow (``Column/gathering(_:at:)``).
    private struct GatheredChunk: Sendable {
        /// Per row, its batch in the run and its row in that batch.
        var picks: [(batch: Int, row: Int)]
        /// Per row, its position in the file (from 0).
        var sequences: [Int]
        /// The rows, gathered; `nil` when some column could not be.
        var batch: ColumnBatch?
    }

    /// Inserts picked rows of a run's batches, binding them where they are.
    private func insertInPlace(
        _ run: [ColumnBatch], picks: [(batch: Int, row: Int)], sequences: [Int], using insert: SQLiteStatement
    ) throws {
        let bound = try run.map(bindings(of:))
        try SourceColumnBinder.withBinders(bound.map(\.targets)) { binders in
            defer { insert.clearBindings() }
            for (pick, sequence) in zip(picks, sequences) {
                try insertRow(
                    pick.row, sequence: sequence, binders: binders[pick.batch], bound: bound[pick.batch].plan,
                    using: insert)
            }
        }
    }

    /// How many rows of a run are gathered and inserted at a time: a few MiB.
    private static let gatherRows = 1 << 16

    /// Checks that no row of a batch lacks a join key or an event time, so that the first
    /// such row in file order is the one named even when rows are inserted in another order.
    /// - Parameters:
    ///   - batch: rows with the columns ``sourceColumns`` names.
    ///   - firstRow: how many rows came before this batch.
    /// - Throws: ``OfflineStoreError`` (`invalidSource`) naming the file, row and column.
    func checkRequiredValues(of batch: ColumnBatch, firstRow: Int) throws {
        for target in plan.targets where target.required {
            guard let validity = try plan.column(for: target, in: batch).validity,
                let row = validity.firstIndex(of: false)
            else { continue }
            throw plan.rowError(firstRow + row, target, "the \(target.role) is null")
        }
    }

    /// The binder targets of a batch's columns, and the plan's target of each.
    private func bindings(
        of batch: ColumnBatch
    ) throws -> (targets: [SourceColumnBinder.Target], plan: [SourceColumnPlan.Target]) {
        var targets: [SourceColumnBinder.Target] = []
        var bound: [SourceColumnPlan.Target] = []
        for (index, target) in plan.targets.enumerated() where !target.sourceColumn.isEmpty {
            let column = try plan.column(for: target, in: batch)
            targets.append(.init(column: column, declared: target.declared, parameter: parameters[index]))
            bound.append(target)
        }
        return (targets, bound)
    }

    /// Binds one row of a batch and inserts it.
    private func insertRow(
        _ row: Int, sequence: Int, binders: SourceColumnBinders, bound: [SourceColumnPlan.Target],
        using insert: SQLiteStatement
    ) throws {
        for index in 0..<binders.count {
            let present: Bool
            do {
                present = try binders.bind(index, row: row, to: insert)
            } catch let error as ValueOutOfRange {
                throw plan.rowError(sequence, bound[index], error.message)
            }
            if !present, bound[index].required {
                throw plan.rowError(sequence, bound[index], "the \(bound[index].role) is null")
            }
        }
        try insert.bind(Int64(sequence + 1), at: sequenceParameter)
        try insert.run()
    }
}
