/// A typed expression over request fields and features of other views: what an on-demand
/// feature computes. Stored in the manifest as data (`docs/manifest.md`), checked by
/// ``FeatureExpression/type(in:)`` when a repository is applied, and evaluated by one interpreter
/// (`LarderTransforms`) for training sets and online reads alike.
///
/// Build it with the DSL's operators and functions (`log(amount + 1)`, `hour(timestamp)`);
/// `docs/dsl.md` lists them, with their null rules.
public indirect enum FeatureExpression: Hashable, Sendable {
    /// A constant.
    case literal(Value)
    /// A request field of the on-demand view, by name.
    case request(String)
    /// A feature of another view (stored or on demand).
    case feature(FeatureReference)
    /// A function applied to arguments.
    case call(ExpressionFunction, [FeatureExpression])
    /// A conversion to another scalar type.
    case cast(FeatureExpression, to: ScalarType)
    /// Whether the value is one of a set of constants.
    case isIn(FeatureExpression, [Value])
    /// The index of the bucket a number falls in: how many boundaries are `<=` it.
    case bucketize(FeatureExpression, boundaries: [Double])
    /// A part of a timestamp's local date and time in a time zone (`UTC` or an IANA name).
    case timePart(TimePart, FeatureExpression, timeZone: String)
}

/// The functions an ``FeatureExpression`` can call, by their manifest names.
public enum ExpressionFunction: String, Hashable, Sendable, CaseIterable, Codable {
    case add, subtract, multiply, divide, negate
    case equal, notEqual = "not_equal", less, lessOrEqual = "less_or_equal", greater
    case greaterOrEqual = "greater_or_equal"
    case and, or, not
    case `if`, coalesce, isNull = "is_null"
    case log, log1p, exp, sqrt, abs, min, max, clamp, round
    case secondsBetween = "seconds_between"
    case lower, length, contains, startsWith = "starts_with"

    /// How many arguments the function takes: an exact count, or a minimum for `min`, `max`,
    /// `coalesce`, `and` and `or`.
    public var arity: (minimum: Int, variadic: Bool) {
        switch self {
        case .negate, .not, .isNull, .log, .log1p, .exp, .sqrt, .abs, .round, .lower, .length: (1, false)
        case .add, .subtract, .multiply, .divide, .equal, .notEqual, .less, .lessOrEqual, .greater,
            .greaterOrEqual, .secondsBetween, .contains, .startsWith:
            (2, false)
        case .if, .clamp: (3, false)
        case .and, .or, .min, .max: (2, true)
        case .coalesce: (1, true)
        }
    }
}

/// A part of a local date and time.
public enum TimePart: String, Hashable, Sendable, CaseIterable, Codable {
    /// 0 to 23.
    case hour
    /// 0 (Monday) to 6 (Sunday), as pandas counts.
    case dayOfWeek = "day_of_week"
    /// 1 to 31.
    case dayOfMonth = "day_of_month"
    /// 1 to 12.
    case month
}

extension FeatureExpression {
    /// The request fields the expression reads, in first-use order.
    public var requestFields: [String] {
        var names: [String] = []
        visit { if case .request(let name) = $0, !names.contains(name) { names.append(name) } }
        return names
    }

    /// The features of other views the expression reads, in first-use order.
    public var featureReferences: [FeatureReference] {
        var references: [FeatureReference] = []
        visit { if case .feature(let reference) = $0, !references.contains(reference) { references.append(reference) } }
        return references
    }

    /// The expression's direct sub-expressions.
    public var arguments: [FeatureExpression] {
        switch self {
        case .literal, .request, .feature: []
        case .call(_, let arguments): arguments
        case .cast(let argument, _), .isIn(let argument, _), .bucketize(let argument, _),
            .timePart(_, let argument, _):
            [argument]
        }
    }

    /// Calls `body` with this expression and every sub-expression, parents first.
    /// - Parameter body: receives each node.
    public func visit(_ body: (FeatureExpression) -> Void) {
        body(self)
        for argument in arguments { argument.visit(body) }
    }
}
