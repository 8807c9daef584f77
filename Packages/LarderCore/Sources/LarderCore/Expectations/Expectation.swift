/// A check on a feature view's rows, declared with the view and run on every `ingest` and
/// `push` and by `larder validate` (see `docs/data-quality.md`).
///
/// In the DSL, write them with ``FeatureView/expecting(_:_:)`` and the spelling ``Expect``:
///
/// ```swift
/// payments.expecting(.reject) {
///     Expect.notNull("amount")
///     Expect.between("amount", 0.01, 100_000)
///     Expect.unique("transaction_id")
/// }
/// ```
public struct Expectation: Hashable, Sendable {
    /// What an expectation checks.
    public enum Check: Hashable, Sendable {
        /// No value of the column is null.
        case notNull
        /// Every non-null value lies in `min...max` (numeric columns).
        case between(min: Double, max: Double)
        /// Every non-null value is one of these (string, integer and boolean columns).
        case inSet([ExpectedValue])
        /// No two rows share a value of the column (nulls excepted), or, without a column, the
        /// same join keys and event time.
        case unique
        /// At most this share of the column's values is null (0 to 1).
        case maxNullFraction(Double)
        /// Every non-null value matches this regular expression (ICU syntax, string columns);
        /// the match may be anywhere in the value unless the pattern is anchored.
        case matches(String)
        /// The number of rows lies within the bounds (a file's rows on ingest, the stored rows
        /// on validate; a pushed batch is not counted).
        case rowCount(min: Int?, max: Int?)
    }

    /// The column checked, as the view names it (a feature, an event column, a join key) or as
    /// the source file does; `nil` for ``Check/rowCount(min:max:)`` and for ``Check/unique``
    /// over the join keys and event time.
    public var column: String?
    /// What is checked.
    public var check: Check

    /// An expectation.
    /// - Parameters:
    ///   - column: the column, or `nil` for a check of the rows as a whole.
    ///   - check: what is checked.
    public init(column: String?, check: Check) {
        self.column = column
        self.check = check
    }

    /// The rule's name as the manifest, the errors and the metrics spell it: `not_null`,
    /// `between`, `in_set`, `unique`, `max_null_fraction`, `matches` or `row_count`.
    public var ruleName: String {
        switch check {
        case .notNull: "not_null"
        case .between: "between"
        case .inSet: "in_set"
        case .unique: "unique"
        case .maxNullFraction: "max_null_fraction"
        case .matches: "matches"
        case .rowCount: "row_count"
        }
    }

    /// The rule and its column as messages name it: `between(0.01, 100000) on 'amount'`.
    public var summary: String {
        let rule: String =
            switch check {
            case .notNull: "not_null"
            case .between(let min, let max): "between(\(Self.number(min)), \(Self.number(max)))"
            case .inSet(let values): "in_set([\(values.map(\.description).joined(separator: ", "))])"
            case .unique: "unique"
            case .maxNullFraction(let fraction): "max_null_fraction(\(Self.number(fraction)))"
            case .matches(let pattern): "matches(\"\(pattern)\")"
            case .rowCount(let min, let max):
                "row_count(\([min.map { "min \($0)" }, max.map { "max \($0)" }].compactMap { $0 }.joined(separator: ", ")))"
            }
        switch (check, column) {
        case (.unique, nil): return "unique on (join keys, event time)"
        case (_, let column?): return "\(rule) on '\(column)'"
        case (_, nil): return rule
        }
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

/// How a feature view treats rows that break its expectations.
public enum ExpectationPolicy: String, Hashable, Sendable, Codable, CaseIterable {
    /// The file or pushed batch is refused as a whole and the stores stay as they were.
    case reject
    /// The rows go in; the violations are logged, counted in `/metrics` and reported by
    /// `larder validate`.
    case warn
}

/// A feature view's expectations and what to do when they fail.
public struct ViewExpectations: Hashable, Sendable {
    /// What to do with rows that break an expectation; `reject` unless declared otherwise.
    public var policy: ExpectationPolicy
    /// The expectations, in declared order.
    public var rules: [Expectation]

    /// Expectations under a policy.
    /// - Parameters:
    ///   - policy: what to do with rows that break them.
    ///   - rules: the expectations.
    public init(policy: ExpectationPolicy = .reject, rules: [Expectation] = []) {
        self.policy = policy
        self.rules = rules
    }

    /// Whether there is nothing to check.
    public var isEmpty: Bool { rules.isEmpty }
}

/// A value of an ``Expectation/Check/inSet(_:)`` list: a string, an integer or a boolean,
/// written as a literal in the DSL.
public enum ExpectedValue: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral
{
    case string(String)
    case integer(Int64)
    case bool(Bool)

    /// A string.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An integer.
    public init(integerLiteral value: Int64) { self = .integer(value) }
    /// A boolean.
    public init(booleanLiteral value: Bool) { self = .bool(value) }

    /// The value as it would be written in JSON.
    public var description: String {
        switch self {
        case .string(let value): "\"\(value)\""
        case .integer(let value): String(value)
        case .bool(let value): String(value)
        }
    }

    /// The feature value this stands for, compared with a column's values.
    public var value: Value {
        switch self {
        case .string(let value): .string(value)
        case .integer(let value): .int64(value)
        case .bool(let value): .bool(value)
        }
    }
}
