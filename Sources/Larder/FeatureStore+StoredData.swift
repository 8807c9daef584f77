public import LarderCore

/// What the stores hold for one applied feature view: what deleting it gives up.
public struct StoredViewData: Sendable, Hashable {
    /// Rows in the offline store (ingested and pushed), or `nil` when never ingested.
    public var offlineRows: Int?
    /// Keys in the online store, or `nil` when nothing is stored online.
    public var onlineKeys: Int?
    /// Where the view's last materialization ended, if it was materialized.
    public var materializedUntil: Timestamp?

    /// Whether the stores hold nothing for the view.
    public var isEmpty: Bool { offlineRows == nil && onlineKeys == nil && materializedUntil == nil }

    /// `12,000 rows offline, 200 keys online, materialized until 2026-01-31T00:00:00Z`, or
    /// `nothing stored`.
    public var summary: String {
        var parts: [String] = []
        if let offlineRows { parts.append("\(offlineRows) rows offline") }
        if let onlineKeys { parts.append("\(onlineKeys) keys online") }
        if let materializedUntil { parts.append("materialized until \(materializedUntil)") }
        return isEmpty ? "nothing stored" : parts.joined(separator: ", ")
    }
}

extension FeatureStore {
    /// What the stores hold for an applied view, read cheaply from the stores' catalogs.
    /// Stores that do not exist yet are not created.
    /// - Parameter name: the view's name.
    /// - Returns: the counts; all `nil` when the view is not applied or nothing is stored.
    /// - Throws: store errors.
    public func storedData(ofView name: String) throws -> StoredViewData {
        let registry = try registry()
        guard let view = registry.manifest.featureView(named: name) else { return StoredViewData() }
        var data = StoredViewData(materializedUntil: registry.lastMaterializedEnd(of: name))
        if stores.offlineStoreExists,
            let table = try openOfflineStore().ingestedTable(named: name)
        {
            data.offlineRows = table.rowCount
        }
        if stores.onlineStoreExists {
            switch try onlineStore().state(of: try registry.manifest.onlineSchema(for: view)) {
            case .empty: break
            case .materialized(let keys), .schemaChanged(_, let keys): data.onlineKeys = keys
            }
        }
        return data
    }
}
