public import LarderCore

/// The features of a view for a list of entity rows, laid out column by column.
///
/// Entry `feature * rowCount + row` of ``values`` and ``statuses`` belongs to feature
/// `featureNames[feature]` and entity row `row`, in the order the rows were given.
public struct OnlineReadResult: Sendable, Hashable {
    /// The requested feature names, in requested order.
    public let featureNames: [String]
    /// The number of entity rows.
    public let rowCount: Int
    /// The values, feature by feature; `.null` unless the status is ``FeatureStatus/present``.
    public package(set) var values: [Value]
    /// The statuses, laid out like ``values``.
    public package(set) var statuses: [FeatureStatus]
    /// The event timestamp of each row's stored values (shared by all features of the view),
    /// or `nil` when the key was not found. Rows outside the TTL keep their timestamp, which
    /// tells how old they are.
    public package(set) var eventTimestamps: [Timestamp?]

    /// Creates a result in which every entity row is not found.
    /// - Parameters:
    ///   - featureNames: the requested feature names.
    ///   - rowCount: the number of entity rows.
    package init(featureNames: [String], rowCount: Int) {
        self.featureNames = featureNames
        self.rowCount = rowCount
        values = Array(repeating: .null, count: featureNames.count * rowCount)
        statuses = Array(repeating: .notFound, count: featureNames.count * rowCount)
        eventTimestamps = Array(repeating: nil, count: rowCount)
    }

    /// The value of a feature for an entity row.
    /// - Parameters:
    ///   - row: the entity row's position in the input.
    ///   - feature: the feature's position in ``featureNames``.
    /// - Returns: the value; `.null` unless the status is ``FeatureStatus/present``.
    public func value(row: Int, feature: Int) -> Value {
        values[feature * rowCount + row]
    }

    /// The status of a feature for an entity row.
    /// - Parameters:
    ///   - row: the entity row's position in the input.
    ///   - feature: the feature's position in ``featureNames``.
    /// - Returns: the status.
    public func status(row: Int, feature: Int) -> FeatureStatus {
        statuses[feature * rowCount + row]
    }

    /// Where one feature's entries are in ``values`` and ``statuses``: one per entity row, in
    /// row order.
    /// - Parameter feature: the feature's position in ``featureNames``.
    /// - Returns: the positions.
    public func entries(ofFeature feature: Int) -> Range<Int> {
        feature * rowCount..<(feature + 1) * rowCount
    }

    /// The values of one feature for every entity row, in row order.
    /// - Parameter feature: the feature's position in ``featureNames``.
    /// - Returns: the values.
    public func values(ofFeature feature: Int) -> ArraySlice<Value> {
        values[entries(ofFeature: feature)]
    }

    /// The statuses of one feature for every entity row, in row order.
    /// - Parameter feature: the feature's position in ``featureNames``.
    /// - Returns: the statuses.
    public func statuses(ofFeature feature: Int) -> ArraySlice<FeatureStatus> {
        statuses[entries(ofFeature: feature)]
    }
}
