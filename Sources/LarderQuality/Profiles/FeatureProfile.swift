/// The profile of one column, as `larder profile --json` prints it and a saved dataset keeps.
/// Statistics that do not apply to the column's kind are `nil` (JSON `null`).
public struct FeatureProfile: Sendable, Hashable, Codable {
    /// A category and how many rows hold it.
    public struct TopValue: Sendable, Hashable, Codable {
        /// The category (booleans as `true`/`false`).
        public var value: String
        /// Its rows.
        public var count: Int
    }

    /// The column's name.
    public var name: String
    /// `numeric`, `categorical` or `other`.
    public var kind: ColumnSample.Kind
    /// The column's type as its file declares it.
    public var type: String
    /// All rows.
    public var rows: Int
    /// Rows that are null (or NaN).
    public var nulls: Int
    /// `nulls / rows` (0 for no rows).
    public var nullFraction: Double
    /// The smallest value (numeric).
    public var min: Double?
    /// The largest value (numeric).
    public var max: Double?
    /// The mean (numeric).
    public var mean: Double?
    /// The sample standard deviation, `ddof = 1` (numeric, two values or more).
    public var stddev: Double?
    /// `p1`, `p5`, `p25`, `p50`, `p75`, `p95`, `p99`: exact, numpy's linear definition (numeric).
    public var quantiles: [String: Double]?
    /// Ten equal-width bins from the smallest to the largest value (numeric).
    public var histogram: Histogram?
    /// The most frequent categories, most frequent first, ties by value (categorical).
    public var topValues: [TopValue]?
    /// The number of distinct categories (categorical).
    public var distinctCount: Int?

    enum CodingKeys: String, CodingKey {
        case name, kind, type, rows, nulls, min, max, mean, stddev, quantiles, histogram
        case nullFraction = "null_fraction"
        case topValues = "top_values"
        case distinctCount = "distinct_count"
    }

    /// Encodes every key, `null` for what does not apply, so the JSON has one shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(kind, forKey: .kind)
        try container.encode(type, forKey: .type)
        try container.encode(rows, forKey: .rows)
        try container.encode(nulls, forKey: .nulls)
        try container.encode(nullFraction, forKey: .nullFraction)
        try container.encode(min, forKey: .min)
        try container.encode(max, forKey: .max)
        try container.encode(mean, forKey: .mean)
        try container.encode(stddev, forKey: .stddev)
        try container.encode(quantiles, forKey: .quantiles)
        try container.encode(histogram, forKey: .histogram)
        try container.encode(topValues, forKey: .topValues)
        try container.encode(distinctCount, forKey: .distinctCount)
    }
}

/// The profile of a table: its row count and one ``FeatureProfile`` per column.
public struct TableProfile: Sendable, Hashable, Codable {
    /// Where the rows came from: a file, `view NAME` or `dataset NAME`.
    public var source: String
    /// The rows.
    public var rows: Int
    /// One profile per column, in table order.
    public var features: [FeatureProfile]

    /// A profile from its parts.
    /// - Parameters:
    ///   - source: where the rows came from.
    ///   - rows: the row count.
    ///   - features: the column profiles.
    public init(source: String, rows: Int, features: [FeatureProfile]) {
        self.source = source
        self.rows = rows
        self.features = features
    }
}
