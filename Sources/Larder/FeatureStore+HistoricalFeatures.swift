public import LarderCore
public import LarderStores
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
    ///   type; ``RequestDataError`` naming a request field of an on-demand feature that the
    ///   entity file lacks; reader and writer errors.
    @discardableResult
    public func getHistoricalFeatures(
        entitiesPath: String, timestampColumn: String = "event_timestamp", features: [FeatureReference],
        fullFeatureNames: Bool = false, outputPath: String
    ) throws -> JoinReport {
        let manifest = try registry().manifest
        // On-demand features: join the stored features they need, then compute them.
        let onDemand = try OnDemandReadPlan(
            references: features, fullFeatureNames: fullFeatureNames, manifest: manifest)
        let resolved = try manifest.resolve(
            onDemand?.storedReferences ?? features, fullFeatureNames: onDemand != nil || fullFeatureNames)
        let offline = try openOfflineStore()
        var seen = Set<String>()
        let views = resolved.map(\.view).filter { seen.insert($0.name).inserted }
        try ingest(views, manifest: manifest, into: offline)
        var requests: [FeatureRequest] = []
        var declared: [String: ColumnType] = [timestampColumn: .timestamp(.microseconds, utcAdjusted: true)]
        for feature in resolved {
            let output = FeatureRequest.Feature(name: feature.field.name, outputName: feature.outputName)
            if let last = requests.last, last.table.name == feature.view.name {
                requests[requests.count - 1].features.append(output)
            } else {
                let table = try offlineTable(for: feature.view, in: manifest)
                for key in table.joinKeys { declared[key.name] = ColumnType(key.type) }
                requests.append(FeatureRequest(table: table, features: [output]))
            }
        }
        var entities = try TableFiles.openReader(path: resolve(entitiesPath), declaredTypes: declared)
        if let onDemand {
            // A CSV file's request-field columns are parsed as the fields' types; a missing one
            // is reported by name when the output's schema is made.
            let fields = onDemand.program.requestFields.filter { entities.schema[$0.name] != nil }
            for field in fields { declared[field.name] = ColumnType(field.type) }
            if !fields.isEmpty {
                entities = try TableFiles.openReader(path: resolve(entitiesPath), declaredTypes: declared)
            }
        }
        return try offline.pointInTimeJoin(entities: entities, timestampColumn: timestampColumn, requests: requests) {
            schema in
            guard let onDemand else { return try TableFiles.openWriter(path: resolve(outputPath), schema: schema) }
            let written = try OnDemandTableWriter.schema(joined: schema, plan: onDemand, file: entities.path)
            return OnDemandTableWriter(
                output: try TableFiles.openWriter(path: resolve(outputPath), schema: written), joined: schema,
                plan: onDemand)
        }
    }
}
