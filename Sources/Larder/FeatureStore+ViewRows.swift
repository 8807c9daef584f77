public import LarderCore
public import LarderFormats
import LarderStores

extension FeatureStore {
    /// The rows a feature view holds in the offline store with `start <= event time <= end`,
    /// as a table: the join keys, `event_timestamp`, then the view's stored columns (named as
    /// the view declares them). The view's source is ingested first if it changed.
    /// - Parameters:
    ///   - name: the feature view.
    ///   - start: the earliest event time included.
    ///   - end: the latest event time included.
    /// - Returns: the rows, in the order they were stored.
    /// - Throws: ``DefinitionError`` for an unknown view; the offline store's errors.
    public func viewRows(named name: String, start: Timestamp, end: Timestamp) throws -> any TableReader {
        let manifest = try registry().manifest
        let view = try manifest.views(named: [name])[0]
        let offline = try openOfflineStore()
        try ingest([view], manifest: manifest, into: offline)
        let table = try offlineTable(for: view, in: manifest)
        var keys = table.joinKeys.map { FeatureColumnBuilder(name: $0.name, type: $0.type) }
        var times = FeatureColumnBuilder(name: "event_timestamp", type: .timestamp)
        var features = table.features.map { FeatureColumnBuilder(name: $0.name, type: $0.type) }
        var rowCount = 0
        if try offline.ingestedTable(named: name) != nil {
            rowCount = try offline.scanRows(table: table, start: start, end: end) { row in
                for index in keys.indices { keys[index].append(row.joinKeys[index]) }
                times.append(.timestamp(row.eventTimestamp))
                for index in features.indices { features[index].append(row.features[index]) }
            }
        }
        var columns: [Column] = []
        for index in keys.indices { columns.append(keys[index].build()) }
        columns.append(times.build())
        for index in features.indices { columns.append(features[index].build()) }
        return ColumnBatchReader(path: "view \(name)", batch: ColumnBatch(columns: columns, rowCount: rowCount))
    }
}
