public import LarderCore
public import LarderStores

/// Reading features for entity rows: one snapshot for all rows, only requested features decoded.
extension LMDBOnlineStore {
    /// Validates a request and precomputes how to serve it; reuse the plan for every request
    /// of the same view and features.
    /// - Parameters:
    ///   - view: the view's current schema.
    ///   - features: the feature names to read, in the order the result should have them.
    /// - Returns: the plan.
    /// - Throws: ``OnlineStoreError`` of kind `.unknownFeature` naming a feature that is not
    ///   in the view, or `.invalidSchema`.
    public func readPlan(view: OnlineViewSchema, features: [String]) throws -> OnlineReadPlan {
        try OnlineReadPlan(
            view: view, features: features,
            slot: slot(named: DatabaseNaming.name(view: view.name, version: view.version)))
    }

    /// Reads features for entity rows given row by row.
    /// - Parameters:
    ///   - plan: the plan from ``readPlan(view:features:)``.
    ///   - entityKeys: for each entity row, the join key values in the view's declared order;
    ///     rows may repeat. An `int32` value is accepted for an `int64` key and the reverse
    ///     when it fits.
    ///   - now: the read time, against which the TTL is applied.
    /// - Returns: for each entity row, in input order, and each feature: the value, the
    ///   status and the row's event timestamp.
    /// - Throws: ``OnlineStoreError`` of kind `.invalidEntityKey` naming the join key when a
    ///   value has the wrong type or is null, or `.storage` / `.corruptValue`.
    public func read(_ plan: OnlineReadPlan, entityKeys: [[Value]], now: Timestamp = .now) throws -> OnlineReadResult {
        try read(plan, rowCount: entityKeys.count, now: now, keyCount: { entityKeys[$0].count }) { row, key in
            entityKeys[row][key]
        }
    }

    /// Reads features for entity rows given column by column, as a Feast request has them.
    /// - Parameters:
    ///   - plan: the plan from ``readPlan(view:features:)``.
    ///   - entityColumns: one array per join key, in the view's declared order, each with a
    ///     value per entity row.
    ///   - now: the read time, against which the TTL is applied.
    /// - Returns: for each entity row, in input order, and each feature: the value, the
    ///   status and the row's event timestamp.
    /// - Throws: ``OnlineStoreError`` of kind `.invalidEntityKey` naming the join key when a
    ///   column is missing, the columns differ in length, or a value has the wrong type.
    public func read(_ plan: OnlineReadPlan, entityColumns: [[Value]], now: Timestamp = .now) throws -> OnlineReadResult
    {
        let rowCount = try plan.view.checkEntityColumns(entityColumns)
        let keyCount = plan.view.joinKeys.count
        return try read(plan, rowCount: rowCount, now: now, keyCount: { _ in keyCount }) { row, key in
            entityColumns[key][row]
        }
    }

    /// The read loop shared by row- and column-oriented input.
    @inline(__always)
    private func read(
        _ plan: OnlineReadPlan, rowCount: Int, now: Timestamp, keyCount: (Int) -> Int, keyValue: (Int, Int) -> Value
    ) throws -> OnlineReadResult {
        let cutoff = plan.view.freshnessCutoff(at: now)
        let joinKeys = plan.view.joinKeys
        let viewName = plan.view.name
        var key: [UInt8] = []
        key.reserveCapacity(64)
        return try withMapRetries(growOnFull: false) {
            var result = OnlineReadResult(featureNames: plan.features, rowCount: rowCount)
            guard let dbi = try existingDatabase(plan.slot) else {
                // Nothing stored for this version: every row is not found, but keys are still checked.
                for row in 0..<rowCount {
                    key.removeAll(keepingCapacity: true)
                    try EntityKeyCodec.appendKey(columns: joinKeys, view: viewName, count: keyCount(row), to: &key) {
                        keyValue(row, $0)
                    }
                }
                return result
            }
            try readers.withTransaction { transaction in
                for row in 0..<rowCount {
                    key.removeAll(keepingCapacity: true)
                    try EntityKeyCodec.appendKey(columns: joinKeys, view: viewName, count: keyCount(row), to: &key) {
                        keyValue(row, $0)
                    }
                    guard let stored = try key.withUnsafeBytes({ try transaction.get(dbi, key: $0) }) else { continue }
                    try plan.record.decode(stored, row: row, cutoff: cutoff, into: &result)
                }
            }
            return result
        }
    }
}
