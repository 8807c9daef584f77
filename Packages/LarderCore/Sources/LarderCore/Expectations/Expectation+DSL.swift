/// The DSL's spelling of ``Expectation``: `Expect.notNull("amount")`.
public typealias Expect = Expectation

extension Expectation {
    /// No value of `column` is null.
    /// - Parameter column: the column.
    public static func notNull(_ column: String) -> Expectation {
        Expectation(column: column, check: .notNull)
    }

    /// Every non-null value of a numeric `column` lies in `min...max`.
    /// - Parameters:
    ///   - column: the column.
    ///   - min: the smallest allowed value.
    ///   - max: the largest allowed value.
    public static func between(_ column: String, _ min: Double, _ max: Double) -> Expectation {
        Expectation(column: column, check: .between(min: min, max: max))
    }

    /// Every non-null value of `column` is one of `values`.
    /// - Parameters:
    ///   - column: the column.
    ///   - values: the allowed values.
    public static func inSet(_ column: String, _ values: [ExpectedValue]) -> Expectation {
        Expectation(column: column, check: .inSet(values))
    }

    /// No two rows share a value of `column`; without a column, no two rows share their join
    /// keys and event time.
    /// - Parameter column: the column, or `nil` for the join keys and event time.
    public static func unique(_ column: String? = nil) -> Expectation {
        Expectation(column: column, check: .unique)
    }

    /// At most `fraction` (0 to 1) of the values of `column` are null.
    /// - Parameters:
    ///   - column: the column.
    ///   - fraction: the largest allowed share of nulls.
    public static func maxNullFraction(_ column: String, _ fraction: Double) -> Expectation {
        Expectation(column: column, check: .maxNullFraction(fraction))
    }

    /// Every non-null value of a string `column` matches `pattern` (ICU regular expression).
    /// - Parameters:
    ///   - column: the column.
    ///   - pattern: the regular expression.
    public static func matches(_ column: String, _ pattern: String) -> Expectation {
        Expectation(column: column, check: .matches(pattern))
    }

    /// The number of rows lies within the bounds.
    /// - Parameters:
    ///   - min: the fewest rows allowed, if bounded.
    ///   - max: the most rows allowed, if bounded.
    public static func rowCount(min: Int? = nil, max: Int? = nil) -> Expectation {
        Expectation(column: nil, check: .rowCount(min: min, max: max))
    }
}

extension FeatureView {
    /// The view with expectations checked on every ingest and push.
    /// - Parameters:
    ///   - policy: what to do with rows that break them (`reject` by default).
    ///   - rules: the expectations.
    /// - Returns: a copy of the view with the expectations.
    public func expecting(
        _ policy: ExpectationPolicy = .reject, @ExpectationBuilder _ rules: () -> [Expectation]
    ) -> FeatureView {
        var view = self
        view.expectations = ViewExpectations(policy: policy, rules: rules())
        return view
    }
}

/// Builds the expectations of ``FeatureView/expecting(_:_:)``.
@resultBuilder
public enum ExpectationBuilder {
    /// One expectation.
    public static func buildExpression(_ expectation: Expectation) -> [Expectation] { [expectation] }
    /// Several expectations.
    public static func buildExpression(_ expectations: [Expectation]) -> [Expectation] { expectations }
    /// A block of expectations.
    public static func buildBlock(_ parts: [Expectation]...) -> [Expectation] { parts.flatMap { $0 } }
    /// Expectations under `if`.
    public static func buildOptional(_ part: [Expectation]?) -> [Expectation] { part ?? [] }
    /// Expectations under `if`/`else`.
    public static func buildEither(first part: [Expectation]) -> [Expectation] { part }
    /// Expectations under `if`/`else`.
    public static func buildEither(second part: [Expectation]) -> [Expectation] { part }
    /// Expectations from a `for` loop.
    public static func buildArray(_ parts: [[Expectation]]) -> [Expectation] { parts.flatMap { $0 } }
}
