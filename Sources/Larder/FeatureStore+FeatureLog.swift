public import LarderCore
public import LarderFormats
public import LarderStores

extension FeatureStore {
    /// The rows the feature server logged for a feature service since an instant, in log order.
    /// - Parameters:
    ///   - service: the feature service.
    ///   - since: the earliest log time included.
    /// - Returns: the logged rows.
    /// - Throws: the offline store's errors.
    public func loggedFeatureRecords(service: String, since: Timestamp) throws -> [FeatureLogRecord] {
        var records: [FeatureLogRecord] = []
        try openOfflineStore().scanFeatureLog(service: service, since: since) { records.append($0) }
        return records
    }

    /// The features the feature server served for a feature service since an instant, as a
    /// table: the request's join keys and request fields, `request_id`, `log_time`, then one
    /// column per feature of the service, named as `get-historical-features --service` names it
    /// in a training set (the feature's name), so a saved training set of the service is a
    /// baseline whose columns match. A feature a row did not log is null in it.
    /// - Parameters:
    ///   - service: the feature service.
    ///   - since: the earliest log time included.
    /// - Returns: the table, one row per logged entity row.
    /// - Throws: ``DefinitionError`` for an unknown service or two features of the same name;
    ///   the offline store's errors.
    public func loggedFeatures(service: String, since: Timestamp) throws -> any TableReader {
        let manifest = try registry().manifest
        let references = try manifest.references(ofService: service)
        let table = try LoggedFeatureTable(
            records: try loggedFeatureRecords(service: service, since: since), service: service,
            references: references, manifest: manifest)
        return table.reader
    }
}
