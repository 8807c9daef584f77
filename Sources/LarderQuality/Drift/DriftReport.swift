/// The drift of one feature between a baseline and a current sample, as the drift report's
/// JSON spells it. Statistics that do not apply to the feature's kind are `nil` (`null`).
public struct FeatureDrift: Sendable, Hashable, Codable {
    /// The feature's column name.
    public var name: String
    /// `numeric` or `categorical`.
    public var kind: ColumnSample.Kind
    /// The baseline's rows (nulls included).
    public var baselineRows: Int
    /// The current sample's rows (nulls included).
    public var currentRows: Int
    /// The population stability index over the baseline's bins (numeric) or the categories.
    public var psi: Double?
    /// The two-sample Kolmogorov–Smirnov statistic (numeric).
    public var ksStatistic: Double?
    /// Its p-value (numeric).
    public var ksPValue: Double?
    /// The chi-squared statistic of the 2×k table of category counts (categorical).
    public var chi2Statistic: Double?
    /// Its p-value (categorical).
    public var chi2PValue: Double?
    /// The current null fraction minus the baseline's.
    public var nullFractionChange: Double
    /// Whether the feature drifted under the report's thresholds.
    public var drifted: Bool

    enum CodingKeys: String, CodingKey {
        case name, kind, psi, drifted
        case baselineRows = "baseline_rows"
        case currentRows = "current_rows"
        case ksStatistic = "ks_statistic"
        case ksPValue = "ks_p_value"
        case chi2Statistic = "chi2_statistic"
        case chi2PValue = "chi2_p_value"
        case nullFractionChange = "null_fraction_change"
    }

    /// Encodes every key, `null` for what does not apply.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(kind, forKey: .kind)
        try container.encode(baselineRows, forKey: .baselineRows)
        try container.encode(currentRows, forKey: .currentRows)
        try container.encode(psi, forKey: .psi)
        try container.encode(ksStatistic, forKey: .ksStatistic)
        try container.encode(ksPValue, forKey: .ksPValue)
        try container.encode(chi2Statistic, forKey: .chi2Statistic)
        try container.encode(chi2PValue, forKey: .chi2PValue)
        try container.encode(nullFractionChange, forKey: .nullFractionChange)
        try container.encode(drifted, forKey: .drifted)
    }

    /// The p-value of the feature's test: KS for numbers, chi-squared for categories.
    public var pValue: Double? { ksPValue ?? chi2PValue }
}

/// A drift report: per feature the statistics and whether it drifted, and the thresholds used.
/// `larder drift --json` prints it; `--push-metrics` writes it where the server reads it.
public struct DriftReport: Sendable, Hashable, Codable {
    /// The saved dataset compared against.
    public var baseline: String
    /// When the report was computed, RFC 3339 in UTC.
    public var computedAt: String
    /// The family-wise p-value threshold.
    public var pValueThreshold: Double
    /// Whether the threshold is divided by the number of features tested.
    public var bonferroni: Bool
    /// A PSI at or above this is drift.
    public var psiThreshold: Double
    /// One entry per feature compared.
    public var features: [FeatureDrift]
    /// The names of the features that drifted.
    public var drifted: [String]

    enum CodingKeys: String, CodingKey {
        case baseline, bonferroni, features, drifted
        case computedAt = "computed_at"
        case pValueThreshold = "p_value_threshold"
        case psiThreshold = "psi_threshold"
    }
}

/// When a feature counts as drifted: a test's p-value below the threshold (divided by the
/// number of features tested when Bonferroni is on, as alibi-detect's `KSDrift` does), or a
/// PSI at or above its threshold.
public struct DriftThresholds: Sendable, Hashable {
    /// The family-wise p-value threshold.
    public var pValue = 0.05
    /// The PSI threshold.
    public var psi = 0.25
    /// Whether to apply the Bonferroni correction.
    public var bonferroni = true

    /// The defaults: p < 0.05 after Bonferroni, or PSI ≥ 0.25.
    public init() {}
}
