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

    /// A description.
    /// - Parameters:
    ///   - name: the feature view's name.
    ///   - sourcePath: the source file.
    ///   - format: its format.
    ///   - sourceSize: its size when ingested.
    ///   - sourceHash: its content hash when ingested.
    ///   - rowCount: the rows stored.
    ///   - appendedRowCount: how many of them were appended.
    ///   - ingestedAt: when the rows were ingested.
    ///   - columns: the join keys, then the features.
    public init(
        name: String, sourcePath: String, format: FileFormat, sourceSize: Int64, sourceHash: String, rowCount: Int,
        appendedRowCount: Int, ingestedAt: Timestamp, columns: [OfflineColumn]
    ) {
        self.name = name
        self.sourcePath = sourcePath
        self.format = format
        self.sourceSize = sourceSize
        self.sourceHash = sourceHash
        self.rowCount = rowCount
        self.appendedRowCount = appendedRowCount
        self.ingestedAt = ingestedAt
        self.columns = columns
    }
}
