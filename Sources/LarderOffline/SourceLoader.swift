internal import LarderCore
internal import LarderFormats

/// Moves the rows of a feature view's source batches into its data table: checks that the
/// file has every column the view reads, with a type that converts to the declared one, and
/// that no row lacks a join key or an event time.
struct SourceLoader {
    /// One parameter of the insert and the source column that fills it.
    private struct Target {
        var sourceColumn: String
        var declared: ValueType
        /// What the column is for, in error messages (`join key 'user_id'`).
        var role: String
        /// Whether a null is an error (join keys and the event time).
        var required: Bool
    }

    private let targets: [Target]
    private let view: String
    private let path: String
    /// The distinct source columns to read, in the order the reader should return them.
    let sourceColumns: [String]

    /// Prepares to load a source, checking its schema.
    /// - Parameters:
    ///   - table: the feature view's description.
    ///   - schema: the source file's columns.
    ///   - path: the source file, for error messages.
    /// - Throws: ``OfflineStoreError`` (`invalidSource`) naming the file and the column that
    ///   is missing or has a type the declared type cannot hold.
    init(table: OfflineTable, schema: TableSchema, path: String) throws {
        view = table.name
        self.path = path
        var targets = table.joinKeys.map {
            Target(sourceColumn: $0.sourceColumn, declared: $0.type, role: "join key '\($0.name)'", required: true)
        }
        targets.append(
            Target(sourceColumn: table.eventTimestampColumn, declared: .timestamp, role: "event timestamp", required: true))
        targets.append(
            Target(
                sourceColumn: table.createdTimestampColumn ?? "", declared: .timestamp, role: "created timestamp",
                required: false))
        // The sequence, bound from the row's position rather than read.
        targets.append(Target(sourceColumn: "", declared: .int64, role: "sequence", required: false))
        targets += table.features.map {
            Target(sourceColumn: $0.sourceColumn, declared: $0.type, role: "feature '\($0.name)'", required: false)
        }
        self.targets = targets
        var columns: [String] = []
        for target in targets where !target.sourceColumn.isEmpty {
            guard let found = schema[target.sourceColumn] else {
                let available = schema.columns.map(\.name).joined(separator: ", ")
                throw OfflineStoreError(
                    .invalidSource,
                    "\(path): no column '\(target.sourceColumn)', which feature view '\(table.name)' reads as its \(target.role); the file has \(available)"
                )
            }
            try Self.check(found.type, of: target, view: table.name, path: path)
            if !columns.contains(target.sourceColumn) { columns.append(target.sourceColumn) }
        }
        sourceColumns = columns
    }

    /// Inserts a batch's rows (the caller wraps this in a transaction).
    /// - Parameters:
    ///   - batch: rows with the columns ``sourceColumns`` names.
    ///   - firstRow: how many rows came before this batch, for error messages.
    ///   - insert: the data table's insert statement.
    /// - Throws: ``OfflineStoreError`` (`invalidSource`) naming the file, row and column of a
    ///   null join key or event time, or of a value out of range; ``SQLiteError``.
    func insert(_ batch: ColumnBatch, firstRow: Int, using insert: SQLiteStatement) throws {
        var binders: [SourceColumnBinder] = []
        var bound: [Target] = []
        for (index, target) in targets.enumerated() where !target.sourceColumn.isEmpty {
            guard let column = batch.column(named: target.sourceColumn) else {
                throw OfflineStoreError(.invalidSource, "\(path): the reader returned no column '\(target.sourceColumn)'")
            }
            try Self.check(column.type, of: target, view: view, path: path)
            binders.append(SourceColumnBinder(column: column, declared: target.declared, parameter: Int32(index + 1)))
            bound.append(target)
        }
        let sequenceParameter = Int32(targets.firstIndex { $0.role == "sequence" }! + 1)
        // Borrowed through the buffer: iterating the array would copy (retain) every binder per row.
        try binders.withUnsafeBufferPointer { binders in
            for row in 0..<batch.rowCount {
                for index in binders.indices {
                    let present: Bool
                    do {
                        present = try binders[index].bind(row: row, to: insert)
                    } catch let error as ValueOutOfRange {
                        throw rowError(firstRow + row, bound[index], error.message)
                    }
                    if !present, bound[index].required {
                        throw rowError(firstRow + row, bound[index], "the \(bound[index].role) is null")
                    }
                }
                try insert.bind(Int64(firstRow + row + 1), at: sequenceParameter)
                try insert.run()
            }
        }
    }

    private func rowError(_ row: Int, _ target: Target, _ message: String) -> OfflineStoreError {
        OfflineStoreError(
            .invalidSource,
            "\(path): data row \(row + 1): column '\(target.sourceColumn)': \(message) (feature view '\(view)')")
    }

    private static func check(_ type: ColumnType, of target: Target, view: String, path: String) throws {
        guard target.declared.accepts(type) else {
            throw OfflineStoreError(
                .invalidSource,
                "\(path): column '\(target.sourceColumn)' is \(type), but feature view '\(view)' declares its \(target.role) as \(target.declared)"
            )
        }
    }
}
