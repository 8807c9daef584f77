public import LarderFormats
internal import LarderCore
public import LarderStores

extension SQLiteOfflineStore {
    /// Builds a training set: every entity row, in input order, with all its columns, then
    /// the requested features as they were known at the row's time.
    ///
    /// For each entity row and each feature view, a feature row is visible when its join keys
    /// equal the entity row's, its event time is at or before the entity row's time, and, when
    /// the view has a TTL, at or after that time minus the TTL. The winner has the latest
    /// event time, then the latest creation time, then was ingested last. No visible row gives
    /// nulls; a null in the winner stays null. Entity rows with a null time or join key get
    /// nulls. Entity rows are processed in chunks of at most `chunkRows` rows, so memory does
    /// not grow with their number, and the whole join reads one snapshot of the store. Large
    /// chunks are searched on two cores, through two connections reading that one snapshot
    /// (``withJoinSnapshot(_:)``).
    /// - Parameters:
    ///   - entities: the entity rows (join keys, a timestamp, any other columns).
    ///   - timestampColumn: the entity rows' timestamp column.
    ///   - requests: the feature views and features, in output order.
    ///   - strategy: how to find winners; ``JoinStrategy/automatic`` unless measuring.
    ///   - chunkRows: the most entity rows held at once.
    ///   - makeWriter: opens the output for the joined schema; it is closed after the last batch.
    /// - Returns: row counts and the time taken.
    /// - Throws: ``OfflineStoreError`` naming the missing or mistyped entity column, the unknown
    ///   view or feature, or the clashing output names; errors of the reader and writer;
    ///   ``SQLiteError``. After an error the output is incomplete and should be removed.
    @discardableResult
    public func pointInTimeJoin(
        entities: any TableReader, timestampColumn: String, requests: [FeatureRequest],
        strategy: JoinStrategy = .automatic, chunkRows: Int = 1 << 20,
        output makeWriter: (TableSchema) throws -> any TableWriter
    ) throws -> JoinReport {
        let clock = ContinuousClock()
        let start = clock.now
        let report = try withJoinSnapshot { twin in
            let plan = try JoinPlan(
                entities: entities, timestampColumn: timestampColumn, requests: requests, store: self)
            var join = try ChunkedJoin(
                plan: plan, requests: requests, connection: connection, twin: twin, strategy: strategy,
                timestampColumn: timestampColumn, entityPath: entities.path, writer: try makeWriter(plan.outputSchema))
            try entities.forEachBatch(columns: nil) { batch in
                join.add(batch)
                if join.pendingRows >= chunkRows { try join.flush() }
            }
            try join.flush()
            try join.writer.close()
            return JoinReport(entityRows: join.entityRows, matchedRows: join.matchedRows, elapsed: clock.now - start)
        }
        logger.info(
            "built a point-in-time training set",
            metadata: [
                "rows.count": "\(report.entityRows)", "feature_views.count": "\(requests.count)",
                "elapsed.seconds": "\(report.elapsed.secondsDouble)",
            ])
        return report
    }
}

extension SQLiteOfflineStore: OfflineStore {
    /// Builds a training set choosing the join strategy automatically; see
    /// ``pointInTimeJoin(entities:timestampColumn:requests:strategy:chunkRows:output:)``.
    /// - Parameters:
    ///   - entities: the entity rows.
    ///   - timestampColumn: the entity rows' timestamp column.
    ///   - requests: the feature views and features, in output order.
    ///   - output: opens the output for the joined schema.
    /// - Returns: row counts and the time taken.
    /// - Throws: as the full form does.
    @discardableResult
    public func pointInTimeJoin(
        entities: any TableReader, timestampColumn: String, requests: [FeatureRequest],
        output: (TableSchema) throws -> any TableWriter
    ) throws -> JoinReport {
        try pointInTimeJoin(
            entities: entities, timestampColumn: timestampColumn, requests: requests, strategy: .automatic,
            chunkRows: 1 << 20, output: output)
    }
}
