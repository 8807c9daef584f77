import Foundation
import LarderCore
import LarderFormats
import LarderQuality

extension GetHistoricalFeatures {
    /// Keeps the training set just written as a saved dataset, with its definition (features
    /// or service, entity file, the entity rows' time range) and its profile. Its feature
    /// columns, the ones drift compares, are every column but the join keys and the timestamp:
    /// the features and what the entity file passes through (the payment's amount, the label).
    func saveDataset(
        named name: String, trainingSet: String, entitiesPath: String, references: [FeatureReference],
        joinKeys: Set<String>, options: RepositoryOptions
    ) throws -> SavedDataset {
        let entities = try TableFiles.openReader(path: entitiesPath)
        let excluded = joinKeys.union([timestampColumn])
        var earliest: Timestamp?
        var latest: Timestamp?
        try entities.forEachBatch(columns: [timestampColumn]) { batch in
            let column = batch.columns[0]
            for row in 0..<batch.rowCount {
                guard case .timestamp(let time) = column.value(at: row) else { continue }
                earliest = min(earliest ?? time, time)
                latest = max(latest ?? time, time)
            }
        }
        return try options.savedDatasets().save(name: name, trainingSetPath: trainingSet) { reader, file, profile in
            SavedDataset(
                name: name, createdAt: Timestamp.now.rfc3339(fractionDigits: 0),
                features: references.map(\.description), featureService: service,
                featureColumns: reader.schema.columns.map(\.name).filter { !excluded.contains($0) },
                entitySource: entitiesPath, timestampColumn: timestampColumn,
                entityTimeRange: SavedDataset.TimeRange(start: earliest?.description, end: latest?.description),
                rows: profile.rows, file: file, profile: profile)
        }
    }
}

/// A temporary Parquet file for a training set that is only saved as a dataset; removed when
/// dropped.
final class TrainingSetScratch {
    let directory: String
    var path: String { directory + "/training_set.parquet" }

    init() throws {
        directory = NSTemporaryDirectory() + "larder-training-set-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }
}
