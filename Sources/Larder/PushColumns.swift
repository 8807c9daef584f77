public import LarderCore
import LarderStores

/// Rows given column by column (a data frame), as push requests carry them: column name to
/// values, every column of the same length. Values are loosely typed and converted to the
/// feature view's declared types (see ``LarderCore/Value/coerced(to:)``).
public struct PushColumns: Sendable, Hashable {
    /// The columns by name.
    public var columns: [String: [Value]]

    /// Columns by name.
    /// - Parameter columns: the columns.
    public init(_ columns: [String: [Value]]) {
        self.columns = columns
    }

    /// The number of rows.
    /// - Throws: ``PushError`` (`invalidColumns`) naming two columns of unequal length.
    public func rowCount() throws -> Int {
        let sorted = columns.sorted { $0.key < $1.key }
        guard let first = sorted.first else { return 0 }
        for (name, values) in sorted where values.count != first.value.count {
            throw PushError(
                .invalidColumns,
                "column '\(name)' has \(values.count) values but '\(first.key)' has \(first.value.count)")
        }
        return first.value.count
    }

    /// The rows of a feature view: its join keys, event time, creation time and features.
    ///
    /// Each column is looked up by its name in the source file (field mapping applied), then
    /// by its name in the definitions. The event time is in the source's timestamp column or
    /// in `event_timestamp`; the creation time, optional, in the source's created column or in
    /// `created`. Other columns are ignored; a missing feature column is an error.
    /// - Parameters:
    ///   - view: the feature view.
    ///   - joinKeys: its join keys.
    ///   - source: the file behind its source.
    /// - Returns: one row per entry.
    /// - Throws: ``PushError`` (`invalidColumns`) naming the column and row.
    func rows(of view: FeatureView, joinKeys: [JoinKey], source: FileSource) throws -> [StoredRow] {
        let count = try rowCount()
        let context = "feature view '\(view.name)'"
        func column(_ name: String, type: ValueType, required: Bool) throws -> [Value]? {
            guard let values = columns[source.sourceColumn(for: name)] ?? columns[name] else {
                guard required else { return nil }
                throw PushError(
                    .invalidColumns,
                    "\(context): column '\(name)' is missing (columns given: \(columns.keys.sorted().joined(separator: ", ")))"
                )
            }
            return try values.enumerated().map { row, value in
                guard let converted = value.coerced(to: type) else {
                    throw PushError(
                        .invalidColumns, "\(context): column '\(name)', row \(row): \(value) is not a \(type)")
                }
                return converted
            }
        }
        let keys = try joinKeys.map { try column($0.name, type: $0.type, required: true)! }
        let timestampName = columns[source.timestampField] != nil ? source.timestampField : "event_timestamp"
        let events = try column(timestampName, type: .timestamp, required: true)!
        let createdName = source.createdTimestampColumn.flatMap { columns[$0] != nil ? $0 : nil } ?? "created"
        let created = try column(createdName, type: .timestamp, required: false)
        let features = try view.storedColumns.map { try column($0.name, type: $0.type, required: true)! }
        return try (0..<count).map { row in
            for (index, key) in joinKeys.enumerated() where keys[index][row].isNull {
                throw PushError(.invalidColumns, "\(context): join key '\(key.name)' is null in row \(row)")
            }
            guard case .timestamp(let event) = events[row] else {
                throw PushError(.invalidColumns, "\(context): column '\(timestampName)' is null in row \(row)")
            }
            var createdAt: Timestamp?
            if case .timestamp(let value) = created?[row] { createdAt = value }
            return StoredRow(
                joinKeys: keys.map { $0[row] }, eventTimestamp: event, createdTimestamp: createdAt,
                features: features.map { $0[row] })
        }
    }
}
