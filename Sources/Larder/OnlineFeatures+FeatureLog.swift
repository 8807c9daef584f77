public import LarderCore
public import LarderStores

extension OnlineFeatures {
    /// The rows the feature server logs for this read of a feature service: one per entity row.
    /// - Parameters:
    ///   - service: the feature service read.
    ///   - requestID: the request's identifier.
    ///   - logTime: the instant of the read.
    ///   - entities: the join keys and request fields the request sent (entity rows in order).
    ///   - keyColumns: how many of this read's first columns are join keys.
    ///   - references: the service's features as `view:feature`, in the read's order; when their
    ///     number differs from the read's feature columns (the registry changed in between), the
    ///     read's own column names are logged.
    /// - Returns: the records.
    public func featureLogRecords(
        service: String, requestID: String, logTime: Timestamp, entities: [EntityColumn], keyColumns: Int,
        references: [String]
    ) -> [FeatureLogRecord] {
        let featureColumns = columns.dropFirst(keyColumns)
        let names = references.count == featureColumns.count ? references : Array(featureNames.dropFirst(keyColumns))
        let entityNames = entities.map(\.name)
        return (0..<rowCount).map { row in
            FeatureLogRecord(
                service: service, requestID: requestID, logTime: logTime, entityRow: row, entityNames: entityNames,
                entityValues: entities.map { row < $0.values.count ? $0.values[row] : .null },
                featureNames: names, values: featureColumns.map { $0.values[row] },
                statuses: featureColumns.map { $0.statuses[row] })
        }
    }
}
