package import LarderCore

/// Checking keys and rows against a view's schema, for stores that keep values rather than
/// bytes; the messages are the ones the byte encodings give.
extension OnlineViewSchema {
    /// The oldest event time still fresh at `now`, or `nil` without a TTL.
    /// - Parameter now: the read time.
    /// - Returns: nanoseconds since the epoch, saturating at the smallest time.
    package func freshnessCutoff(at now: Timestamp) -> Int64? {
        guard let ttlNanoseconds else { return nil }
        let (cutoff, overflow) = now.nanosecondsSinceEpoch.subtractingReportingOverflow(ttlNanoseconds)
        return overflow ? .min : cutoff
    }

    /// An entity key with each part converted to its join key's type.
    /// - Parameters:
    ///   - count: how many key values the entity row has.
    ///   - value: the row's value for join key `i`.
    /// - Returns: the key.
    /// - Throws: ``OnlineStoreError`` (`invalidEntityKey`) naming the join key that is
    ///   missing, null or of the wrong type.
    package func storedKey(count: Int, value: (Int) -> Value) throws -> [Value] {
        guard count == joinKeys.count else {
            let names = joinKeys.map { "'\($0.name)'" }.joined(separator: ", ")
            throw OnlineStoreError(
                .invalidEntityKey,
                "feature view '\(name)' has join keys \(names) (\(joinKeys.count)); an entity key gave \(count) values")
        }
        return try joinKeys.indices.map { index in
            let column = joinKeys[index]
            let given = value(index)
            if given.isNull {
                throw OnlineStoreError(
                    .invalidEntityKey, "entity key '\(column.name)' of feature view '\(name)' is null")
            }
            guard let stored = given.stored(as: column.type) else {
                throw OnlineStoreError(
                    .invalidEntityKey,
                    "entity key '\(column.name)' of feature view '\(name)' must be \(column.type); got \(given.briefDescription)"
                )
            }
            return stored
        }
    }

    /// A row with its key and values converted to the schema's types.
    /// - Parameters:
    ///   - row: the row.
    ///   - index: its position in the input, for messages.
    /// - Returns: the row as stored.
    /// - Throws: ``OnlineStoreError`` (`invalidEntityKey`, `invalidRow`) naming the view,
    ///   row and column.
    package func storedRow(_ row: StoredRow, index: Int) throws -> StoredRow {
        guard row.features.count == features.count else {
            throw OnlineStoreError(
                .invalidRow,
                "row \(index) for feature view '\(name)' has \(row.features.count) values; the view has \(features.count) features"
            )
        }
        var stored = row
        stored.joinKeys = try storedKey(count: row.joinKeys.count) { row.joinKeys[$0] }
        for (position, column) in features.enumerated() {
            guard let value = row.features[position].stored(as: column.type) else {
                throw OnlineStoreError(
                    .invalidRow,
                    "feature '\(column.name)' of feature view '\(name)' must be \(column.type); row \(index) has \(row.features[position].briefDescription)"
                )
            }
            stored.features[position] = value
        }
        return stored
    }
}
