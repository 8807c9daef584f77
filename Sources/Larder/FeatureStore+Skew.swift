public import LarderCore
import Foundation
import LarderFormats
import LarderStores

extension FeatureStore {
    /// Measures training/serving skew: the rows the feature server logged for a service since
    /// an instant become the entity rows of a training set (their join keys and request fields,
    /// at their log time), built by ``getHistoricalFeatures(entitiesPath:timestampColumn:features:fullFeatureNames:outputPath:)``
    /// (stored, aggregated and on-demand features alike), and each feature's served values are
    /// compared with the recomputed ones. Integers, strings and the rest must be equal, floats
    /// within 1e-9 relative; a null against a value differs.
    /// - Parameters:
    ///   - service: the feature service.
    ///   - since: the earliest log time included.
    ///   - threshold: the share of differing values above which a feature is reported skewed.
    /// - Returns: the report, features in the service's order.
    /// - Throws: ``DefinitionError`` for an unknown service; the stores' and the training set's errors.
    public func skew(service: String, since: Timestamp, threshold: Double = 0) throws -> SkewReport {
        let manifest = try registry().manifest
        let references = try manifest.references(ofService: service)
        let records = try loggedFeatureRecords(service: service, since: since)
        let served = try LoggedFeatureTable(
            records: records, service: service, references: references, manifest: manifest)
        let recomputed = records.isEmpty ? nil : try recompute(served, references: references)
        let features = served.featureColumns.map { column -> SkewReport.Feature in
            var differing = 0
            var example: SkewReport.Example?
            let offline = recomputed?.column(named: column.name)
            for row in 0..<served.rowCount {
                let value = column.value(at: row)
                let other = offline?.value(at: row) ?? .null
                guard !Self.agree(value, other) else { continue }
                differing += 1
                if example == nil {
                    example = SkewReport.Example(
                        requestID: records[row].requestID, entityRow: records[row].entityRow,
                        served: value.briefDescription, recomputed: other.briefDescription)
                }
            }
            let share = served.rowCount == 0 ? 0 : Double(differing) / Double(served.rowCount)
            return SkewReport.Feature(
                name: column.name, compared: served.rowCount, differing: differing, share: share,
                skewed: share > threshold, example: example)
        }
        return SkewReport(
            service: service, since: since.description, rows: served.rowCount, threshold: threshold,
            features: features)
    }

    /// Builds the training set of the logged rows, in a temporary directory removed afterwards.
    private func recompute(_ served: LoggedFeatureTable, references: [FeatureReference]) throws -> ColumnBatch {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "larder-skew-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let entitiesPath = directory.appendingPathComponent("entities.parquet").path
        let outputPath = directory.appendingPathComponent("recomputed.parquet").path
        let logTime = served.logColumns.filter { $0.name == "log_time" }
        let entities = LoggedFeatureTable.reader(
            served.entityColumns + logTime, rowCount: served.rowCount, path: served.description)
        let writer = try TableFiles.openWriter(path: entitiesPath, schema: entities.schema)
        try entities.forEachBatch(columns: nil) { try writer.write($0) }
        try writer.close()
        try getHistoricalFeatures(
            entitiesPath: entitiesPath, timestampColumn: "log_time", features: references, outputPath: outputPath)
        return try TableFiles.openReader(path: outputPath).readAll()
    }

    /// Whether a served and a recomputed value agree.
    static func agree(_ served: Value, _ recomputed: Value) -> Bool {
        switch (served, recomputed) {
        case (.null, .null): return true
        case (.null, _), (_, .null): return false
        case (.float32, _), (.float64, _), (_, .float32), (_, .float64):
            guard let a = served.doubleValue, let b = recomputed.doubleValue else { return false }
            if a == b || (a.isNaN && b.isNaN) { return true }
            return abs(a - b) <= 1e-9 * max(abs(a), abs(b))
        case (.list(let a), .list(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { agree($0, $1) }
        default:
            if let a = served.int64Value, let b = recomputed.int64Value { return a == b }
            return served == recomputed
        }
    }
}
