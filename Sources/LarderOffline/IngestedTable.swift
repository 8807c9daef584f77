public import LarderCore

/// What the offline store holds for one feature view.
public struct IngestedTable: Sendable, Hashable {
    /// The feature view's name.
    public var name: String
    /// The source file the rows came from.
    public var sourcePath: String
    /// The source file's format.
    public var format: FileFormat
    /// The source file's size in bytes when it was ingested.
    public var sourceSize: Int64
    /// A hash of the source file's bytes when it was ingested (16 hex digits).
    public var sourceHash: String
    /// The number of rows stored.
    public var rowCount: Int
    /// How many of them were appended after the source file's rows (pushed offline).
    public var appendedRowCount: Int
    /// When the rows were ingested.
    public var ingestedAt: Timestamp
    /// The join keys, then the features, as stored.
    public var columns: [OfflineColumn]

    init(_ entry: CatalogEntry) {
        name = entry.view
        sourcePath = entry.definition.sourcePath
        format = entry.definition.format
        sourceSize = entry.fingerprint.size
        sourceHash = entry.fingerprint.contentHash
        rowCount = entry.rowCount
        appendedRowCount = entry.rowCount - entry.sourceRowCount
        ingestedAt = entry.ingestedAt
        columns = entry.definition.joinKeys + entry.definition.features
    }
}
