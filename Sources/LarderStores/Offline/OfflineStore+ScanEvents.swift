public import LarderCore

extension OfflineStore {
    /// The rows in stored order (``scanRows(table:start:end:_:)``): in it, the rows of one key
    /// with the same event and creation times come in stored order, as
    /// ``scanEvents(table:start:end:_:)`` asks.
    /// - Parameters:
    ///   - table: the feature view's description.
    ///   - start: the earliest event time included.
    ///   - end: the latest event time included.
    ///   - body: called once per row.
    /// - Returns: the number of rows passed to `body`.
    /// - Throws: what ``scanRows(table:start:end:_:)`` throws.
    @discardableResult
    public func scanEvents(
        table: OfflineTable, start: Timestamp, end: Timestamp, _ body: (StoredRow) throws -> Void
    ) throws
        -> Int
    {
        try scanRows(table: table, start: start, end: end, body)
    }
}
