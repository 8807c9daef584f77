public import LarderCore

/// A rule that failed on a set of rows: which rule, how many rows broke it, and the first
/// offending rows with their values.
public struct ExpectationViolation: Sendable, Hashable {
    /// One offending row.
    public struct Example: Sendable, Hashable {
        /// The row's position in what was checked, from 0.
        public var row: Int
        /// Where the row is, for people: `line 7` of a CSV file, `row 7` of a Parquet file or
        /// a pushed batch.
        public var location: String
        /// The offending value as text.
        public var value: String
    }

    /// The feature view.
    public var view: String
    /// The rule that failed.
    public var expectation: Expectation
    /// How many rows broke it (for `max_null_fraction`, the null rows; for `row_count`, 0).
    public var failingRows: Int
    /// How many rows were checked.
    public var checkedRows: Int
    /// The first offending rows (at most ``ExpectationChecker/exampleLimit``).
    public var examples: [Example]
    /// What was found, for the rules about the rows as a whole (`null fraction 0.4 > 0.1`);
    /// empty otherwise.
    public var finding: String

    /// The violation in one line: `feature view 'payments': between(0.01, 100000) on
    /// 'amount' failed for 2 of 1000 rows: line 5 (-3.0), line 9 (250000.0)`.
    public var message: String {
        var text = "feature view '\(view)': \(expectation.summary) failed"
        if !finding.isEmpty { text += ": \(finding)" }
        if failingRows > 0 && finding.isEmpty { text += " for \(failingRows) of \(checkedRows) rows" }
        if !examples.isEmpty {
            text += (finding.isEmpty ? ": " : "; first: ")
            text += examples.map { "\($0.location) (\($0.value))" }.joined(separator: ", ")
            if failingRows > examples.count { text += ", ..." }
        }
        return text
    }
}

/// Rows refused because they break a feature view's expectations under the `reject` policy:
/// nothing was written.
public struct ExpectationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the rows came from: the source file, or `push`.
    public var origin: String
    /// The failed rules.
    public var violations: [ExpectationViolation]

    /// An error.
    /// - Parameters:
    ///   - origin: the source file, or `push`.
    ///   - violations: the failed rules.
    public init(origin: String, violations: [ExpectationViolation]) {
        self.origin = origin
        self.violations = violations
    }

    /// Every failed rule, one per line, after what was refused.
    public var description: String {
        let refused =
            origin == "push" ? "the pushed rows were refused" : "\(origin) was refused; the store is unchanged"
        return "\(refused): " + violations.map(\.message).joined(separator: "; ")
    }
}
