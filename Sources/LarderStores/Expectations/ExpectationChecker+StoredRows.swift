public import LarderCore

extension ExpectationChecker {
    /// Checks rows as the stores hold them (a pushed batch, or rows read back from the store).
    /// - Parameters:
    ///   - rows: the rows.
    ///   - table: the feature view's description, which says which source column each of a
    ///     row's values comes from.
    ///   - otherColumns: values of source columns the rows do not keep (the other columns of a
    ///     push request), by source column name.
    public func check(rows: [StoredRow], of table: OfflineTable, otherColumns: [String: [Value]] = [:]) {
        var values: [String: [Value]] = [:]
        for name in suite.columns {
            if let index = table.joinKeys.firstIndex(where: { $0.sourceColumn == name }) {
                values[name] = rows.map { $0.joinKeys[index] }
            } else if name == table.eventTimestampColumn {
                values[name] = rows.map { .timestamp($0.eventTimestamp) }
            } else if name == table.createdTimestampColumn {
                values[name] = rows.map { $0.createdTimestamp.map(Value.timestamp) ?? .null }
            } else if let index = table.features.firstIndex(where: { $0.sourceColumn == name }) {
                values[name] = rows.map { $0.features[index] }
            } else if let other = otherColumns[name] {
                values[name] = other
            }
        }
        check(rowCount: rows.count) { name in values[name].map(CheckedColumn.values) }
    }
}
