import LarderCore
package import LarderFormats

extension OfflineTable {
    /// Prefix of the store's own columns in data tables; no key or feature may use it.
    package static let reservedPrefix = "_larder_"

    /// Checks that the description can be stored: a name, at least one join key, unique
    /// column names, no reserved names, and scalar join keys.
    /// - Throws: ``OfflineStoreError`` (`invalidDefinition`) naming the view and the field.
    package func validate() throws {
        func invalid(_ message: String) -> OfflineStoreError {
            OfflineStoreError(.invalidDefinition, "feature view '\(name)': \(message)")
        }
        guard !name.isEmpty else {
            throw OfflineStoreError(.invalidDefinition, "a feature view has an empty name")
        }
        guard !joinKeys.isEmpty else { throw invalid("has no join keys") }
        guard !eventTimestampColumn.isEmpty else { throw invalid("has no event timestamp column") }
        var seen: Set<String> = []
        for column in joinKeys + features {
            guard !column.name.isEmpty, !column.sourceColumn.isEmpty else {
                throw invalid("a join key or feature has an empty name")
            }
            guard !column.name.hasPrefix(Self.reservedPrefix) else {
                throw invalid("'\(column.name)': names starting with '\(Self.reservedPrefix)' are reserved")
            }
            guard seen.insert(column.name).inserted else {
                throw invalid("'\(column.name)' is declared more than once among join keys and features")
            }
        }
        for key in joinKeys where key.type.scalar == nil {
            throw invalid("join key '\(key.name)' has list type \(key.type); join keys must be scalars")
        }
        if let ttl, ttl < .zero {
            throw invalid("ttl is negative (\(ttl)); use zero or none for unbounded lookback")
        }
    }

    /// The source columns to read, each with the column type that holds its declared type
    /// exactly (timestamps in nanoseconds), for readers of untyped formats such as CSV.
    package var declaredSourceTypes: [String: ColumnType] {
        let timestamp = ColumnType.timestamp(.nanoseconds, utcAdjusted: true)
        var types: [String: ColumnType] = [eventTimestampColumn: timestamp]
        if let createdTimestampColumn { types[createdTimestampColumn] = timestamp }
        for column in joinKeys + features {
            types[column.sourceColumn] = FeatureColumnBuilder.columnType(for: column.type)
        }
        return types
    }
}
