public import LarderCore
public import LarderStores
import LarderAggregation
import LarderFormats

extension FeatureStore {
    /// Builds a point-in-time correct training set: every row of the entity file, in order,
    /// with all its columns, then each requested feature as it was known at the row's time
    /// (never later, and within the view's TTL). Sources that changed are ingested first.
    /// - Parameters:
    ///   - entitiesPath: the entity file (CSV or Parquet): join keys, a timestamp, any labels.
    ///   - timestampColumn: the entity file's timestamp column.
    ///   - features: the features, as `view:feature` references, in output order.
    ///   - fullFeatureNames: name output columns `view__feature` instead of `feature`.
    ///   - outputPath: the training set to write (CSV or Parquet by extension); it appears
    ///     only when complete.
    /// - Returns: row counts and the time taken.
    /// - Throws: ``DefinitionError`` for an unknown view or feature or a name clash; errors
    ///   naming a join key or timestamp column missing from the entity file or of the wrong
    ///   type; reader and writer errors.
    @discardableResult
    public func getHistoricalFeatures(
        entitiesPath: String, timestampColumn: String = "event_timestamp", features: [FeatureReference],
        fullFeatureNames: Bool = false, outputPath: String
    ) throws -> JoinReport {
        let manifest = try registry().manifest
        let resolved = try manifest.resolve(features, fullFeatureNames: fullFeatureNames)
        let offline = try openOfflineStore()
        var seen = Set<String>()
        let views = resolved.map(\.view).filter { seen.insert($0.name).inserted }
        try ingest(views, manifest: manifest, into: offline)
        var requests: [FeatureRequest] = []
        var declared: [String: ColumnType] = [timestampColumn: .timestamp(.microseconds, utcAdjusted: true)]
        var aggregated: [(position: Int, feature: ResolvedFeature)] = []
        for (position, feature) in resolved.enumerated() {
            if feature.view.isAggregation {
                for key in try manifest.joinKeys(of: feature.view) { declared[key.name] = ColumnType(key.type) }
                aggregated.append((position, feature))
                continue
            }
            let output = FeatureRequest.Feature(name: feature.field.name, outputName: feature.outputName)
            if let last = requests.last, last.table.name == feature.view.name {
                requests[requests.count - 1].features.append(output)
            } else {
                let table = try offlineTable(for: feature.view, in: manifest)
                for key in table.joinKeys { declared[key.name] = ColumnType(key.type) }
                requests.append(FeatureRequest(table: table, features: [output]))
            }
        }
        let path = resolve(entitiesPath)
        let entities = try TableFiles.openReader(path: path, declaredTypes: declared)
        guard !aggregated.isEmpty else {
            return try offline.pointInTimeJoin(entities: entities, timestampColumn: timestampColumn, requests: requests)
            {
                schema in try TableFiles.openWriter(path: resolve(outputPath), schema: schema)
            }
        }
        let training = try aggregationColumns(
            aggregated, entities: try TableFiles.openReader(path: path, declaredTypes: declared),
            timestampColumn: timestampColumn, manifest: manifest, offline: offline)
        let entityColumnCount = entities.schema.columns.count
        return try offline.pointInTimeJoin(entities: entities, timestampColumn: timestampColumn, requests: requests) {
            joined in
            let positions = training.order.map { entityColumnCount + $0 }
            let schema = AggregatedColumnsWriter.schema(joined: joined, columns: training.columns, positions: positions)
            return AggregatedColumnsWriter(
                base: try TableFiles.openWriter(path: resolve(outputPath), schema: schema), columns: training.columns,
                positions: positions)
        }
    }
}

extension FeatureStore {
    /// Reads the events that the aggregated features of a training set need.
    /// - Parameters:
    ///   - features: the aggregated features with their positions among all requested features.
    ///   - entities: the entity file, opened for this read alone.
    ///   - timestampColumn: its timestamp column.
    ///   - manifest: the registry's definitions.
    ///   - offline: the offline store.
    /// - Returns: the columns' computer, and for each column it computes, the position of its
    ///   feature among all requested features.
    /// - Throws: ``OfflineStoreError`` naming a missing entity column or an output name that is
    ///   also an entity column; store and reader errors.
    private func aggregationColumns(
        _ features: [(position: Int, feature: ResolvedFeature)], entities: any TableReader, timestampColumn: String,
        manifest: Manifest, offline: any OfflineStore
    ) throws -> (columns: AggregationTrainingColumns, order: [Int]) {
        for (_, feature) in features where entities.schema[feature.outputName] != nil {
            throw OfflineStoreError(
                .invalidRequest,
                "output column '\(feature.outputName)' would come from both the entity rows and feature view '\(feature.view.name)'; request full feature names or rename one"
            )
        }
        var requests: [AggregationTrainingColumns.Request] = []
        var order: [Int] = []
        var viewNames: [String] = []
        for view in features.map(\.feature.view) where !viewNames.contains(view.name) {
            viewNames.append(view.name)
            let mine = features.filter { $0.feature.view.name == view.name }
            requests.append(
                AggregationTrainingColumns.Request(
                    table: try offlineTable(for: view, in: manifest),
                    program: try AggregationProgram(view: view, features: mine.map(\.feature.field.name)),
                    outputNames: mine.map(\.feature.outputName), outputTypes: mine.map(\.feature.field.type)))
            order += mine.map(\.position)
        }
        let keyNames = Set(requests.flatMap { $0.table.joinKeys.map(\.name) })
        let needed = entities.schema.columns.map(\.name).filter { keyNames.contains($0) || $0 == timestampColumn }
        let rows = try entities.readAll(columns: needed)
        return (
            try AggregationTrainingColumns(
                entities: rows, timestampColumn: timestampColumn, requests: requests, store: offline), order
        )
    }
}
