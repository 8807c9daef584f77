internal import LarderCore
internal import LarderFormats
internal import LarderStores

/// Turns a feature view's source batches into `COPY` rows of its data table: checks that the
/// file has every column the view reads, with a type that converts to the declared one, and
/// that no row lacks a join key or an event time; numbers rows from 1 in file order.
struct SourceRowEncoder {
    private let plan: SourceColumnPlan
    private let keyCount: Int
    /// The distinct source columns to read, in the order the reader should return them.
    var sourceColumns: [String] { plan.sourceColumns }

    /// Prepares to encode a source, checking its schema.
    /// - Parameters:
    ///   - table: the feature view's description.
    ///   - schema: the source file's columns.
    ///   - path: the source file, for messages.
    /// - Throws: ``OfflineStoreError`` (`invalidSource`) naming the file and the column.
    init(table: OfflineTable, schema: TableSchema, path: String) throws {
        plan = try SourceColumnPlan(table: table, schema: schema, path: path)
        keyCount = table.joinKeys.count
    }

    /// Encodes a batch's rows.
    /// - Parameters:
    ///   - batch: rows with the columns ``sourceColumns`` names.
    ///   - firstRow: how many rows came before this batch.
    ///   - writer: where the rows go.
    /// - Throws: ``OfflineStoreError`` (`invalidSource`) naming the file, row and column of a
    ///   null join key or event time, or of a value that does not fit its declared type.
    func encode(_ batch: ColumnBatch, firstRow: Int, into writer: inout CopyTextWriter) throws {
        let columns = try plan.targets.map { target in
            target.sourceColumn.isEmpty ? nil : try plan.column(for: target, in: batch)
        }
        for row in 0..<batch.rowCount {
            for (index, target) in plan.targets.enumerated() {
                let value = columns[index]?.value(at: row) ?? .null
                if value.isNull, target.required {
                    throw plan.rowError(firstRow + row, target, "the \(target.role) is null")
                }
                guard let converted = value.coerced(to: target.declared) else {
                    throw plan.rowError(
                        firstRow + row, target, "\(value.briefDescription) does not fit \(target.declared)")
                }
                if index == keyCount + 1 {
                    // The creation time (the smallest time when missing), then the sequence.
                    if case .timestamp(let created) = converted {
                        writer.write(created.nanosecondsSinceEpoch)
                    } else {
                        writer.write(PostgresTableLayout.missingCreatedTime)
                    }
                    writer.write(Int64(firstRow + row + 1))
                } else {
                    writer.write(converted, as: target.declared)
                }
            }
            writer.endRow()
        }
    }
}
