/// A training set kept under a name, with how it was built and its profile, as Feast's saved
/// datasets are: the baseline that drift is measured against. `dataset.json` holds this.
public struct SavedDataset: Sendable, Hashable, Codable {
    /// The entity rows' time range: the earliest and latest timestamp (RFC 3339, UTC).
    public struct TimeRange: Sendable, Hashable, Codable {
        /// The earliest entity row's time.
        public var start: String?
        /// The latest entity row's time.
        public var end: String?

        /// A range from its ends.
        /// - Parameters:
        ///   - start: the earliest time, `nil` when there are no rows.
        ///   - end: the latest time.
        public init(start: String?, end: String?) {
            self.start = start
            self.end = end
        }
    }

    /// The dataset's name.
    public var name: String
    /// When it was saved, RFC 3339 in UTC.
    public var createdAt: String
    /// The features asked for, as `view:feature`.
    public var features: [String]
    /// The feature service asked for, if the features came from one.
    public var featureService: String?
    /// The training set's feature columns (its columns other than the entity file's).
    public var featureColumns: [String]
    /// The entity file the training set was built from (absolute path).
    public var entitySource: String
    /// The entity file's timestamp column.
    public var timestampColumn: String
    /// The entity rows' time range.
    public var entityTimeRange: TimeRange
    /// The training set's rows.
    public var rows: Int
    /// The training set's file name inside the dataset's directory.
    public var file: String
    /// The training set's profile.
    public var profile: TableProfile

    /// A dataset description from its parts.
    public init(
        name: String, createdAt: String, features: [String], featureService: String?, featureColumns: [String],
        entitySource: String, timestampColumn: String, entityTimeRange: TimeRange, rows: Int, file: String,
        profile: TableProfile
    ) {
        self.name = name
        self.createdAt = createdAt
        self.features = features
        self.featureService = featureService
        self.featureColumns = featureColumns
        self.entitySource = entitySource
        self.timestampColumn = timestampColumn
        self.entityTimeRange = entityTimeRange
        self.rows = rows
        self.file = file
        self.profile = profile
    }

    enum CodingKeys: String, CodingKey {
        case name, features, rows, file, profile
        case createdAt = "created_at"
        case featureService = "feature_service"
        case featureColumns = "feature_columns"
        case entitySource = "entity_source"
        case timestampColumn = "timestamp_column"
        case entityTimeRange = "entity_time_range"
    }
}
