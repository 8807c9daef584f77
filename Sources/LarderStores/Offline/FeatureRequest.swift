/// Features of one feature view asked for in a point-in-time join, and the names their
/// columns get in the output.
public struct FeatureRequest: Sendable, Hashable {
    /// One requested feature.
    public struct Feature: Sendable, Hashable {
        /// The feature's name in the view.
        public var name: String
        /// The output column's name (`feature`, or `view__feature` with full feature names).
        public var outputName: String

        /// A feature and its output name.
        /// - Parameters:
        ///   - name: the feature's name in the view.
        ///   - outputName: the output column's name.
        public init(name: String, outputName: String) {
            self.name = name
            self.outputName = outputName
        }
    }

    /// The feature view, with its join keys and TTL.
    public var table: OfflineTable
    /// The features, in the order their columns appear in the output.
    public var features: [Feature]

    /// A request with explicit output names.
    /// - Parameters:
    ///   - table: the feature view.
    ///   - features: the features and their output names, in output order.
    public init(table: OfflineTable, features: [Feature]) {
        self.table = table
        self.features = features
    }

    /// A request naming output columns `feature`, or `view__feature` with full feature names.
    /// - Parameters:
    ///   - table: the feature view.
    ///   - features: the features' names, in output order.
    ///   - fullFeatureNames: whether to prefix output names with the view's name.
    public init(table: OfflineTable, features: [String], fullFeatureNames: Bool = false) {
        self.init(
            table: table,
            features: features.map { Feature(name: $0, outputName: fullFeatureNames ? "\(table.name)__\($0)" : $0) })
    }
}

/// What a point-in-time join did.
public struct JoinReport: Sendable, Hashable {
    /// Entity rows read (and written, with their features).
    public var entityRows: Int
    /// Per feature view, the number of entity rows that found a visible feature row.
    public var matchedRows: [String: Int]
    /// How long the join took, writing included.
    public var elapsed: Duration

    /// A report.
    /// - Parameters:
    ///   - entityRows: entity rows read and written.
    ///   - matchedRows: per view, the entity rows that found a visible row.
    ///   - elapsed: how long the join took.
    public init(entityRows: Int, matchedRows: [String: Int], elapsed: Duration) {
        self.entityRows = entityRows
        self.matchedRows = matchedRows
        self.elapsed = elapsed
    }
}
