public import LarderCore

extension MemoryOfflineStore {
    /// Appends logged rows; see ``OfflineStore/appendFeatureLog(_:)``.
    /// - Parameter records: the logged rows.
    /// - Returns: the number of rows appended.
    /// - Throws: ``OfflineStoreError`` naming a malformed record.
    @discardableResult
    public func appendFeatureLog(_ records: [FeatureLogRecord]) throws -> Int {
        for record in records { try record.validate() }
        featureLog.withLock { $0 += records }
        return records.count
    }

    /// Streams a service's logged rows; see ``OfflineStore/scanFeatureLog(service:since:_:)``.
    /// - Parameters:
    ///   - service: the feature service.
    ///   - since: the earliest log time included.
    ///   - body: called once per row.
    /// - Returns: the number of rows passed to `body`.
    /// - Throws: whatever `body` throws.
    @discardableResult
    public func scanFeatureLog(
        service: String, since: Timestamp, _ body: (FeatureLogRecord) throws -> Void
    ) throws
        -> Int
    {
        let rows = featureLog.withLock { log in
            log.filter { $0.service == service && $0.logTime >= since }
        }
        let ordered = rows.enumerated().sorted { lhs, rhs in
            (lhs.element.logTime, lhs.element.requestID, lhs.element.entityRow, lhs.offset)
                < (rhs.element.logTime, rhs.element.requestID, rhs.element.entityRow, rhs.offset)
        }
        for (_, record) in ordered { try body(record) }
        return ordered.count
    }
}
