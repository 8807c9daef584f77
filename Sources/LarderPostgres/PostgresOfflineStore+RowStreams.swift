public import LarderCore
public import LarderStores
internal import PostgresNIO

extension PostgresOfflineStore {
    /// Rows fetched from the server at a time while streaming rows.
    static let fetchRows = 10_000

    /// Streams, for each join key tuple, the winner among the view's rows with
    /// `start <= event time <= end` (latest event time, then creation time, then stored last).
    ///
    /// The server picks the winners (`DISTINCT ON` the keys, over a backward scan of the
    /// point-in-time index); they are fetched through a cursor, ``fetchRows`` at a time, in one
    /// read-only snapshot. Keys arrive in descending key order.
    /// - Parameters:
    ///   - table: the feature view's description (it must be ingested with this definition).
    ///   - start: the earliest event time included.
    ///   - end: the latest event time included.
    ///   - body: called once per key tuple with its winning row, on the calling thread.
    /// - Returns: the number of rows passed to `body`.
    /// - Throws: ``OfflineStoreError`` (`notFound`, `outOfDate`); ``PostgresStoreError``;
    ///   whatever `body` throws.
    @discardableResult
    public func latestRows(
        table: OfflineTable, start: Timestamp, end: Timestamp, _ body: (StoredRow) throws -> Void
    ) throws -> Int {
        let emitted = try streamRows(of: table, body) {
            $0.latestRowsSQL(start: start.nanosecondsSinceEpoch, end: end.nanosecondsSinceEpoch)
        }
        logger.debug("read latest rows", metadata: ["feature_view.name": "\(table.name)", "rows.count": "\(emitted)"])
        return emitted
    }

    /// Streams every row of a view with `start <= event time <= end` in stored order (the
    /// sequence: the file's rows, then appended ones), through a cursor in one read-only
    /// snapshot: the events of an aggregation view.
    /// - Parameters:
    ///   - table: the feature view's description (it must be ingested with this definition).
    ///   - start: the earliest event time included.
    ///   - end: the latest event time included.
    ///   - body: called once per row, on the calling thread.
    /// - Returns: the number of rows passed to `body`.
    /// - Throws: ``OfflineStoreError`` (`notFound`, `outOfDate`); ``PostgresStoreError``;
    ///   whatever `body` throws.
    @discardableResult
    public func scanRows(
        table: OfflineTable, start: Timestamp, end: Timestamp, _ body: (StoredRow) throws -> Void
    ) throws -> Int {
        let emitted = try streamRows(of: table, body) {
            $0.scanRowsSQL(start: start.nanosecondsSinceEpoch, end: end.nanosecondsSinceEpoch)
        }
        logger.debug("scanned rows", metadata: ["feature_view.name": "\(table.name)", "rows.count": "\(emitted)"])
        return emitted
    }

    /// Runs a query that selects keys, event time, creation time and every feature, through a
    /// cursor in one read-only snapshot, passing each row to `body`.
    private func streamRows(
        of table: OfflineTable, _ body: (StoredRow) throws -> Void, sql: (PostgresTableLayout) -> String
    ) throws -> Int {
        try session.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") {
            let layout = try currentLayout(for: table).layout
            try session.execute("DECLARE larder_rows NO SCROLL CURSOR FOR " + sql(layout))
            let keys = layout.definition.joinKeys.map(\.type)
            let features = layout.definition.features.map(\.type)
            let logger = logger
            let fetch = "FETCH \(Self.fetchRows) FROM larder_rows"
            var emitted = 0
            while true {
                let rows = try session.run { connection in
                    var rows: [StoredRow] = []
                    for try await row in try await connection.query(PostgresQuery(unsafeSQL: fetch), logger: logger) {
                        let cells = row.makeRandomAccess()
                        let created = try cells[keys.count + 1].decode(Int64.self)
                        rows.append(
                            StoredRow(
                                joinKeys: try keys.indices.map { try cells[$0].value(as: keys[$0]) },
                                eventTimestamp: Timestamp(
                                    nanosecondsSinceEpoch: try cells[keys.count].decode(Int64.self)),
                                createdTimestamp: created == PostgresTableLayout.missingCreatedTime
                                    ? nil : Timestamp(nanosecondsSinceEpoch: created),
                                features: try features.indices.map {
                                    try cells[keys.count + 2 + $0].value(as: features[$0])
                                }
                            ))
                    }
                    return rows
                }
                for row in rows { try body(row) }
                emitted += rows.count
                if rows.count < Self.fetchRows { break }
            }
            return emitted
        }
    }
}
