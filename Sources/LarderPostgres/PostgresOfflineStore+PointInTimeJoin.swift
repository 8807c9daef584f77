public import LarderFormats
internal import LarderCore
public import LarderStores
internal import PostgresNIO

extension PostgresOfflineStore {
    /// Builds a training set: every entity row, in input order, with all its columns, then
    /// the requested features as they were known at the row's time.
    ///
    /// The join runs in PostgreSQL (see ``PostgresJoinPlan``); the feature tables never leave
    /// the server. For each batch the entity reader returns, its rows are uploaded with `COPY`
    /// into a temporary table, joined, and the features streamed back in entity order and
    /// written next to the batch's columns. The whole join reads one snapshot (repeatable read).
    /// The rule is the SQLite store's: a row is visible when its keys equal the entity row's
    /// and `row time - TTL <= event time <= row time`; the latest event time wins, then the
    /// latest creation time, then the row stored last; no visible row gives nulls, and a null
    /// in the winner stays null.
    /// - Parameters:
    ///   - entities: the entity rows (join keys, a timestamp, any other columns).
    ///   - timestampColumn: the entity rows' timestamp column.
    ///   - requests: the feature views and features, in output order.
    ///   - output: opens the output for the joined schema; it is closed after the last batch.
    /// - Returns: row counts and the time taken.
    /// - Throws: ``OfflineStoreError`` naming the missing or mistyped entity column, the view
    ///   not ingested, the unknown feature, or clashing output names; reader and writer
    ///   errors; ``PostgresStoreError``.
    @discardableResult
    public func pointInTimeJoin(
        entities: any TableReader, timestampColumn: String, requests: [FeatureRequest],
        output: (TableSchema) throws -> any TableWriter
    ) throws -> JoinReport {
        let clock = ContinuousClock()
        let start = clock.now
        let report = try session.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ") {
            let layouts = try requests.map { try currentLayout(for: $0.table).layout }
            let schema = try JoinOutputSchema.make(
                entities: entities.schema, file: entities.path, timestampColumn: timestampColumn,
                views: zip(requests, layouts).map {
                    JoinOutputSchema.StoredView(
                        request: $0, joinKeys: $1.definition.joinKeys, features: $1.definition.features)
                })
            let plan = PostgresJoinPlan(requests: requests, layouts: layouts)
            try session.execute(plan.createEntityTableSQL)
            let writer = try output(schema)
            var entityRows = 0
            var matched: [String: Int] = [:]
            try entities.forEachBatch(columns: nil) { batch in
                guard let times = batch.column(named: timestampColumn) else {
                    throw OfflineStoreError(
                        .invalidRequest, "\(entities.path): the reader returned no column '\(timestampColumn)'")
                }
                var upload = CopyTextWriter(capacity: batch.rowCount * 32)
                plan.encode(batch, times: times, into: &upload)
                let joined = try join(upload, plan: plan, requests: requests)
                for (request, count) in zip(requests, joined.matched) where count > 0 {
                    matched[request.table.name, default: 0] += count
                }
                try writer.write(ColumnBatch(columns: batch.columns + joined.features, rowCount: batch.rowCount))
                entityRows += batch.rowCount
            }
            try writer.close()
            return JoinReport(entityRows: entityRows, matchedRows: matched, elapsed: clock.now - start)
        }
        logger.info(
            "built a point-in-time training set",
            metadata: [
                "rows.count": "\(report.entityRows)", "feature_views.count": "\(requests.count)",
                "elapsed.seconds": "\(report.elapsed.secondsDouble)",
            ])
        return report
    }

    /// Uploads one batch of entity rows and joins them.
    /// - Returns: the feature columns, in output order, and per request the rows that matched.
    private func join(
        _ upload: CopyTextWriter, plan: PostgresJoinPlan, requests: [FeatureRequest]
    ) throws -> (features: [Column], matched: [Int]) {
        let logger = logger
        let rows = upload.buffer
        let query = plan.querySQL
        let types = plan.featureTypes
        let names = requests.map { $0.features.map(\.outputName) }
        return try session.run { connection in
            try await connection.query("TRUNCATE \(unescaped: PostgresJoinPlan.entityTable)", logger: logger).consume()
            try await connection.copyFrom(table: PostgresJoinPlan.entityTable, logger: logger) { writer in
                if rows.readableBytes > 0 { try await writer.write(rows) }
            }
            var builders = zip(names, types).map { names, types in
                zip(names, types).map { FeatureColumnBuilder(name: $0, type: $1) }
            }
            var matched = [Int](repeating: 0, count: types.count)
            for try await row in try await connection.query(PostgresQuery(unsafeSQL: query), logger: logger) {
                let cells = row.makeRandomAccess()
                var column = 1
                for view in types.indices {
                    if cells[column].bytes != nil { matched[view] += 1 }
                    column += 1
                    for index in types[view].indices {
                        builders[view][index].append(try cells[column].value(as: types[view][index]))
                        column += 1
                    }
                }
            }
            let features = builders.joined().map { builder in
                var builder = builder
                return builder.build()
            }
            return (features, matched)
        }
    }
}

extension PostgresOfflineStore: OfflineStore {}
