package import LarderCore
package import LarderFormats

/// What a feature view reads from its source file, checked against the file's columns: each
/// join key, the event time, the creation time and each feature, with the declared type and
/// its role for messages. Every offline store loads a source through one.
package struct SourceColumnPlan {
    /// One column the view reads.
    package struct Target {
        /// The column's name in the file; empty when the source has none (no created column).
        package var sourceColumn: String
        /// The declared type.
        package var declared: ValueType
        /// What the column is for, in messages (`join key 'user_id'`).
        package var role: String
        /// Whether a null is an error (join keys and the event time).
        package var required: Bool
    }

    /// The join keys, the event time, the creation time, then the features, in that order.
    package let targets: [Target]
    /// The distinct source columns to read, in the order the reader should return them.
    package private(set) var sourceColumns: [String]
    private let view: String
    private let path: String

    /// Checks a source's columns against what the view reads.
    /// - Parameters:
    ///   - table: the feature view's description.
    ///   - schema: the source file's columns.
    ///   - path: the source file, for messages.
    /// - Throws: ``OfflineStoreError`` (`invalidSource`) naming the file and the column that
    ///   is missing or has a type the declared type cannot hold.
    package init(table: OfflineTable, schema: TableSchema, path: String) throws {
        view = table.name
        self.path = path
        var targets = table.joinKeys.map {
            Target(sourceColumn: $0.sourceColumn, declared: $0.type, role: "join key '\($0.name)'", required: true)
        }
        targets.append(
            Target(
                sourceColumn: table.eventTimestampColumn, declared: .timestamp, role: "event timestamp", required: true)
        )
        targets.append(
            Target(
                sourceColumn: table.createdTimestampColumn ?? "", declared: .timestamp, role: "created timestamp",
                required: false))
        targets += table.features.map {
            Target(sourceColumn: $0.sourceColumn, declared: $0.type, role: "feature '\($0.name)'", required: false)
        }
        self.targets = targets
        sourceColumns = []
        var columns: [String] = []
        for target in targets where !target.sourceColumn.isEmpty {
            guard let found = schema[target.sourceColumn] else {
                let available = schema.columns.map(\.name).joined(separator: ", ")
                throw OfflineStoreError(
                    .invalidSource,
                    "\(path): no column '\(target.sourceColumn)', which feature view '\(table.name)' reads as its \(target.role); the file has \(available)"
                )
            }
            try check(found.type, of: target)
            if !columns.contains(target.sourceColumn) { columns.append(target.sourceColumn) }
        }
        sourceColumns = columns
    }

    /// A batch's column for a target, checked again (a reader may type a batch on its own).
    /// - Parameters:
    ///   - target: the target.
    ///   - batch: a batch read with ``sourceColumns``.
    /// - Returns: the column.
    /// - Throws: ``OfflineStoreError`` (`invalidSource`).
    package func column(for target: Target, in batch: ColumnBatch) throws -> Column {
        guard let column = batch.column(named: target.sourceColumn) else {
            throw OfflineStoreError(.invalidSource, "\(path): the reader returned no column '\(target.sourceColumn)'")
        }
        try check(column.type, of: target)
        return column
    }

    /// The error for a bad value in a data row.
    /// - Parameters:
    ///   - row: the data row, from 0.
    ///   - target: the column.
    ///   - message: what is wrong.
    /// - Returns: an error naming the file, row, column and view.
    package func rowError(_ row: Int, _ target: Target, _ message: String) -> OfflineStoreError {
        OfflineStoreError(
            .invalidSource,
            "\(path): data row \(row + 1): column '\(target.sourceColumn)': \(message) (feature view '\(view)')")
    }

    private func check(_ type: ColumnType, of target: Target) throws {
        guard target.declared.accepts(type) else {
            throw OfflineStoreError(
                .invalidSource,
                "\(path): column '\(target.sourceColumn)' is \(type), but feature view '\(view)' declares its \(target.role) as \(target.declared)"
            )
        }
    }
}
