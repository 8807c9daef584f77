import LarderCore
import LarderStores

/// The expectations `offline-ingest --expectations` attaches to `user_stats`: the guide's kind
/// of checks, all of which the generated data passes (`checks`), and the same with `unique()`
/// over (user_id, event_timestamp) under `warn`, which the 2% repeated keys break (`unique`).
enum OfflineBenchmarkExpectations {
    static let categories: [ExpectedValue] = [
        "grocery", "fuel", "travel", "dining", "online", "electronics", "pharmacy", "apparel", "utilities",
        "entertainment", "gaming", "other",
    ]

    /// The suite for a `--expectations` value, or `nil` for `none`.
    /// - Throws: ``BenchmarkInputError`` for an unknown value.
    static func suite(_ name: String) throws -> ExpectationSuite? {
        var rules: [Expectation] = [
            .between("avg_amount_7d", 0.01, 100_000), .between("max_amount_7d", 0.01, 100_000),
            .between("tx_count_7d", 0, 10_000), .between("avg_score", 0, 1), .inSet("last_category", categories),
            .matches("last_category", "^[a-z]+$"), .rowCount(min: 1),
        ]
        rules += OfflineBenchmarkViews.features.map { .maxNullFraction($0.name, 0.05) }
        let policy: ExpectationPolicy
        switch name {
        case "none": return nil
        case "checks": policy = .reject
        case "unique":
            rules.append(.unique())
            policy = .warn
        default: throw BenchmarkInputError("--expectations takes none, checks or unique, not '\(name)'")
        }
        return ExpectationSuite(
            view: "user_stats", policy: policy, rules: rules.map { ExpectationSuite.Rule($0, sourceColumn: $0.column) },
            keyColumns: ["user_id", "event_timestamp"], recorder: ExpectationRecorder())
    }
}
