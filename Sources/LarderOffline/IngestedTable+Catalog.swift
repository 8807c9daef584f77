import LarderStores

extension IngestedTable {
    /// What the catalog says about a view.
    init(_ entry: CatalogEntry) {
        self.init(
            name: entry.view, sourcePath: entry.definition.sourcePath, format: entry.definition.format,
            sourceSize: entry.fingerprint.size, sourceHash: entry.fingerprint.contentHash, rowCount: entry.rowCount,
            appendedRowCount: entry.rowCount - entry.sourceRowCount, ingestedAt: entry.ingestedAt,
            columns: entry.definition.joinKeys + entry.definition.features)
    }
}
