public import LarderCore
public import LarderStores
internal import NIOCore
internal import PostgresNIO

extension PostgresOfflineStore {
    /// Appends logged rows with one `COPY`, in one transaction; see
    /// ``OfflineStore/appendFeatureLog(_:)``. The table (`larder_feature_log` in the store's
    /// schema, columns as in the embedded store) is made on first use.
    /// - Parameter records: the logged rows.
    /// - Returns: the number of rows appended.
    /// - Throws: ``OfflineStoreError`` naming a malformed record; ``PostgresStoreError``.
    @discardableResult
    public func appendFeatureLog(_ records: [FeatureLogRecord]) throws -> Int {
        for record in records { try record.validate() }
        guard !records.isEmpty else { return 0 }
        var writer = CopyTextWriter()
        for record in records {
            writer.write(.string(record.service), as: .string)
            writer.write(record.logTime.nanosecondsSinceEpoch)
            writer.write(.string(record.requestID), as: .string)
            writer.write(Int64(record.entityRow))
            writer.write(.bytes(FeatureLogCodec.encode(record)), as: .bytes)
            writer.endRow()
        }
        try session.transaction {
            try session.execute(
                "SELECT pg_advisory_xact_lock(hashtext('larder feature log ' || \(configuration.schema.postgresLiteral)))"
            )
            try session.execute(
                """
                CREATE TABLE IF NOT EXISTS larder_feature_log (
                    service text NOT NULL, log_time_ns bigint NOT NULL, request_id text NOT NULL,
                    entity_row bigint NOT NULL, payload bytea NOT NULL)
                """)
            try session.execute(
                "CREATE INDEX IF NOT EXISTS larder_feature_log_by_time ON larder_feature_log (service, log_time_ns)")
            try session.copy(writer.buffer, into: "larder_feature_log")
        }
        logger.debug("appended logged rows", metadata: ["rows.count": "\(records.count)"])
        return records.count
    }

    /// Streams a service's logged rows through a cursor; see
    /// ``OfflineStore/scanFeatureLog(service:since:_:)``.
    /// - Parameters:
    ///   - service: the feature service.
    ///   - since: the earliest log time included.
    ///   - body: called once per row, on the calling thread.
    /// - Returns: the number of rows passed to `body`.
    /// - Throws: ``OfflineStoreError`` for a damaged row; ``PostgresStoreError``; whatever `body` throws.
    @discardableResult
    public func scanFeatureLog(
        service: String, since: Timestamp, _ body: (FeatureLogRecord) throws -> Void
    ) throws
        -> Int
    {
        try session.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") {
            let logger = logger
            let exists = try session.run { connection in
                var found = false
                let query = PostgresQuery(unsafeSQL: "SELECT to_regclass('larder_feature_log') IS NOT NULL")
                for try await row in try await connection.query(query, logger: logger) {
                    found = try row.decode(Bool.self)
                }
                return found
            }
            guard exists else { return 0 }
            try session.execute(
                """
                DECLARE larder_log NO SCROLL CURSOR FOR SELECT log_time_ns, request_id, entity_row, payload \
                FROM larder_feature_log WHERE service = \(service.postgresLiteral) \
                AND log_time_ns >= \(since.nanosecondsSinceEpoch) ORDER BY log_time_ns, request_id, entity_row
                """)
            let fetch = "FETCH \(Self.fetchRows) FROM larder_log"
            var emitted = 0
            while true {
                let rows = try session.run { connection in
                    var rows: [(Int64, String, Int64, ByteBuffer)] = []
                    for try await row in try await connection.query(PostgresQuery(unsafeSQL: fetch), logger: logger) {
                        rows.append(try row.decode((Int64, String, Int64, ByteBuffer).self))
                    }
                    return rows
                }
                for (time, requestID, entityRow, payload) in rows {
                    try body(
                        try payload.withUnsafeReadableBytes { bytes in
                            try FeatureLogCodec.decode(
                                bytes, service: service, requestID: requestID,
                                logTime: Timestamp(nanosecondsSinceEpoch: time), entityRow: Int(entityRow))
                        })
                }
                emitted += rows.count
                if rows.count < Self.fetchRows { break }
            }
            return emitted
        }
    }
}
