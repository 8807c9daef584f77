public import LarderFormats
internal import LarderCore

extension OfflineStore {
    /// Builds a training set: every entity row, in input order, with all its columns, then
    /// the requested features as they were known at the row's time.
    ///
    /// For each entity row and each feature view, a feature row is visible when its join keys
    /// equal the entity row's, its event time is at or before the entity row's time, and, when
    /// the view has a TTL, at or after that time minus the TTL. The winner has the latest
    /// event time, then the latest creation time, then was ingested last. No visible row gives
    /// nulls; a null in the winner stays null. Entity rows with a null time or join key get
    /// nulls. Entity rows are streamed batch by batch; memory does not grow with their number.
    /// - Parameters:
    ///   - entities: the entity rows (join keys, a timestamp, any other columns).
    ///   - timestampColumn: the entity rows' timestamp column.
    ///   - requests: the feature views and features, in output order.
    ///   - makeWriter: opens the output for the joined schema; it is closed after the last batch.
    /// - Returns: row counts and the time taken.
    /// - Throws: ``OfflineStoreError`` naming the missing or mistyped entity column, the unknown
    ///   view or feature, or the clashing output names; errors of the reader and writer;
    ///   ``SQLiteError``. After an error the output is incomplete and should be removed.
    @discardableResult
    public func pointInTimeJoin(
        entities: any TableReader, timestampColumn: String, requests: [FeatureRequest],
        output makeWriter: (TableSchema) throws -> any TableWriter
    ) throws -> JoinReport {
        let clock = ContinuousClock()
        let start = clock.now
        let plan = try JoinPlan(entities: entities, timestampColumn: timestampColumn, requests: requests, store: self)
        let lookups = try plan.layouts.indices.map {
            try PointInTimeLookup(connection: connection, layout: plan.layouts[$0], request: requests[$0])
        }
        let writer = try makeWriter(plan.outputSchema)
        var entityRows = 0
        try entities.forEachBatch(columns: nil) { batch in
            guard let timeColumn = batch.column(named: timestampColumn) else {
                throw OfflineStoreError(.invalidRequest, "\(entities.path): the reader returned no column '\(timestampColumn)'")
            }
            let times = (0..<batch.rowCount).map { row -> Int64? in
                guard case .timestamp(let time) = timeColumn.value(at: row) else { return nil }
                return time.nanosecondsSinceEpoch
            }
            var columns = batch.columns
            for lookup in lookups {
                columns += try lookup.featureColumns(for: batch, times: times)
            }
            try writer.write(ColumnBatch(columns: columns, rowCount: batch.rowCount))
            entityRows += batch.rowCount
        }
        try writer.close()
        let matched = Dictionary(lookups.map { ($0.view, $0.matchedRows) }, uniquingKeysWith: +)
        let report = JoinReport(entityRows: entityRows, matchedRows: matched, elapsed: clock.now - start)
        logger.info(
            "built a point-in-time training set",
            metadata: [
                "rows.count": "\(entityRows)", "feature_views.count": "\(requests.count)",
                "elapsed.seconds": "\(report.elapsed.secondsDouble)",
            ])
        return report
    }
}
