public import LarderCore
public import LarderStores

extension SQLiteOfflineStore {
    /// The served-feature log's table and its index by service and log time; one row per
    /// logged entity row, its columns documented in docs/data-quality.md.
    static let featureLogSchemaSQL = """
        CREATE TABLE IF NOT EXISTS larder_feature_log (
            service TEXT NOT NULL,
            log_time_ns INTEGER NOT NULL,
            request_id TEXT NOT NULL,
            entity_row INTEGER NOT NULL,
            payload BLOB NOT NULL
        );
        CREATE INDEX IF NOT EXISTS larder_feature_log_by_time ON larder_feature_log (service, log_time_ns);
        """

    /// Appends logged rows in one transaction; see ``OfflineStore/appendFeatureLog(_:)``.
    /// - Parameter records: the logged rows.
    /// - Returns: the number of rows appended.
    /// - Throws: ``OfflineStoreError`` naming a malformed record; ``SQLiteError``.
    @discardableResult
    public func appendFeatureLog(_ records: [FeatureLogRecord]) throws -> Int {
        for record in records { try record.validate() }
        guard !records.isEmpty else { return 0 }
        try connection.transaction {
            try connection.execute(Self.featureLogSchemaSQL)
            let insert = try connection.cachedStatement(
                "INSERT INTO larder_feature_log (service, log_time_ns, request_id, entity_row, payload) VALUES (?1, ?2, ?3, ?4, ?5)"
            )
            for record in records {
                insert.reset()
                try insert.bind(record.service, at: 1)
                try insert.bind(record.logTime.nanosecondsSinceEpoch, at: 2)
                try insert.bind(record.requestID, at: 3)
                try insert.bind(Int64(record.entityRow), at: 4)
                try FeatureLogCodec.encode(record).withUnsafeBytes { try insert.bindBlob($0, at: 5) }
                try insert.run()
            }
        }
        logger.debug("appended logged rows", metadata: ["rows.count": "\(records.count)"])
        return records.count
    }

    /// Streams a service's logged rows; see ``OfflineStore/scanFeatureLog(service:since:_:)``.
    /// - Parameters:
    ///   - service: the feature service.
    ///   - since: the earliest log time included.
    ///   - body: called once per row.
    /// - Returns: the number of rows passed to `body`.
    /// - Throws: ``OfflineStoreError`` for a damaged row; ``SQLiteError``; whatever `body` throws.
    @discardableResult
    public func scanFeatureLog(
        service: String, since: Timestamp, _ body: (FeatureLogRecord) throws -> Void
    ) throws
        -> Int
    {
        let exists = try connection.prepare(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'larder_feature_log'")
        guard try exists.step() else { return 0 }
        let select = try connection.prepare(
            """
            SELECT log_time_ns, request_id, entity_row, payload FROM larder_feature_log
            WHERE service = ?1 AND log_time_ns >= ?2 ORDER BY log_time_ns, request_id, entity_row, rowid
            """)
        try select.bind(service, at: 1)
        try select.bind(since.nanosecondsSinceEpoch, at: 2)
        var emitted = 0
        while try select.step() {
            let requestID = select.string(at: 1)
            let record = try select.withBytes(at: 3) { payload in
                try FeatureLogCodec.decode(
                    payload, service: service, requestID: requestID,
                    logTime: Timestamp(nanosecondsSinceEpoch: select.int64(at: 0)), entityRow: Int(select.int64(at: 2)))
            }
            try body(record)
            emitted += 1
        }
        return emitted
    }
}
