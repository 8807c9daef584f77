public import LarderStores
import Foundation
import LarderCore

extension FeatureStore {
    /// Loads the source files of feature views into the offline store, re-reading only those
    /// that changed. A view whose source file does not exist yet (a push source's) is skipped.
    /// - Parameters:
    ///   - names: the views to ingest; `nil` for all.
    ///   - force: reload even unchanged files.
    ///   - progress: called after each batch of rows.
    /// - Returns: one report per ingested view.
    /// - Throws: ``DefinitionError`` for an unknown view; the store's and readers' errors,
    ///   naming the file, line and column. A failed view keeps its previous rows.
    @discardableResult
    public func ingest(
        views names: [String]? = nil, force: Bool = false, progress: ((IngestProgress) -> Void)? = nil
    ) throws -> [IngestReport] {
        let manifest = try registry().manifest
        let offline = try openOfflineStore()
        return try ingest(
            try manifest.views(named: names), manifest: manifest, into: offline, force: force, progress: progress)
    }

    /// Ingests the given views into an open offline store.
    @discardableResult
    func ingest(
        _ views: [FeatureView], manifest: Manifest, into offline: any OfflineStore, force: Bool = false,
        progress: ((IngestProgress) -> Void)? = nil
    ) throws -> [IngestReport] {
        var reports: [IngestReport] = []
        for view in views {
            let table = try offlineTable(for: view, in: manifest)
            guard FileManager.default.fileExists(atPath: table.sourcePath) else {
                if try offline.ingestedTable(named: view.name) == nil {
                    logger.info("no source file yet", metadata: ["feature_view.name": "\(view.name)"])
                }
                continue
            }
            reports.append(try ingestChecking(table, into: offline, force: force, progress: progress))
        }
        return reports
    }
}
