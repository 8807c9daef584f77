// The Swift spelling of expressions: literals, operators and functions that build an
// ``FeatureExpression`` tree. `docs/dsl.md` ("On-demand feature views") lists them.

extension FeatureExpression: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
    ExpressibleByBooleanLiteral
{
    /// An `int64` constant.
    public init(integerLiteral value: Int64) { self = .literal(.int64(value)) }
    /// A `float64` constant.
    public init(floatLiteral value: Double) { self = .literal(.float64(value)) }
    /// A `string` constant.
    public init(stringLiteral value: String) { self = .literal(.string(value)) }
    /// A `bool` constant.
    public init(booleanLiteral value: Bool) { self = .literal(.bool(value)) }

    /// A null constant, allowed as a branch of ``when(_:then:else:)`` or in ``coalesce(_:)``.
    public static let null = FeatureExpression.literal(.null)

    /// A timestamp constant.
    /// - Parameter timestamp: the instant.
    /// - Returns: the constant.
    public static func timestamp(_ timestamp: Timestamp) -> FeatureExpression { .literal(.timestamp(timestamp)) }

    /// Sum; integers overflow to null.
    public static func + (lhs: FeatureExpression, rhs: FeatureExpression) -> FeatureExpression {
        .call(.add, [lhs, rhs])
    }
    /// Difference; integers overflow to null.
    public static func - (lhs: FeatureExpression, rhs: FeatureExpression) -> FeatureExpression {
        .call(.subtract, [lhs, rhs])
    }
    /// Product; integers overflow to null.
    public static func * (lhs: FeatureExpression, rhs: FeatureExpression) -> FeatureExpression {
        .call(.multiply, [lhs, rhs])
    }
    /// Quotient (integer division of two integers, truncated); division by zero is null.
    public static func / (lhs: FeatureExpression, rhs: FeatureExpression) -> FeatureExpression {
        .call(.divide, [lhs, rhs])
    }
    /// Negation.
    public static prefix func - (operand: FeatureExpression) -> FeatureExpression { .call(.negate, [operand]) }
    /// `lhs < rhs`.
    public static func < (lhs: FeatureExpression, rhs: FeatureExpression) -> FeatureExpression {
        .call(.less, [lhs, rhs])
    }
    /// `lhs <= rhs`.
    public static func <= (lhs: FeatureExpression, rhs: FeatureExpression) -> FeatureExpression {
        .call(.lessOrEqual, [lhs, rhs])
    }
    /// `lhs > rhs`.
    public static func > (lhs: FeatureExpression, rhs: FeatureExpression) -> FeatureExpression {
        .call(.greater, [lhs, rhs])
    }
    /// `lhs >= rhs`.
    public static func >= (lhs: FeatureExpression, rhs: FeatureExpression) -> FeatureExpression {
        .call(.greaterOrEqual, [lhs, rhs])
    }
    /// Both are true (null if either is null).
    public static func && (lhs: FeatureExpression, rhs: FeatureExpression) -> FeatureExpression {
        .call(.and, [lhs, rhs])
    }
    /// Either is true (null if either is null).
    public static func || (lhs: FeatureExpression, rhs: FeatureExpression) -> FeatureExpression {
        .call(.or, [lhs, rhs])
    }
    /// Negation of a bool.
    public static prefix func ! (operand: FeatureExpression) -> FeatureExpression { .call(.not, [operand]) }

    /// Equality (`==` is the Swift equality of expression trees).
    /// - Parameter other: the value compared with.
    /// - Returns: a bool expression.
    public func equals(_ other: FeatureExpression) -> FeatureExpression { .call(.equal, [self, other]) }
    /// Inequality.
    /// - Parameter other: the value compared with.
    /// - Returns: a bool expression.
    public func notEquals(_ other: FeatureExpression) -> FeatureExpression { .call(.notEqual, [self, other]) }
    /// Whether the value is null (never null itself).
    public var isNull: FeatureExpression { .call(.isNull, [self]) }
    /// Conversion to another type; a value that does not convert is null.
    /// - Parameter type: the target type.
    /// - Returns: the converted expression.
    public func cast(to type: ScalarType) -> FeatureExpression { .cast(self, to: type) }
    /// Whether the value is one of the constants.
    /// - Parameter values: the set.
    /// - Returns: a bool expression.
    public func isIn(_ values: [Value]) -> FeatureExpression { .isIn(self, values) }
    /// Whether the text is one of the strings.
    /// - Parameter values: the set.
    /// - Returns: a bool expression.
    public func isIn(_ values: [String]) -> FeatureExpression { .isIn(self, values.map(Value.string)) }
    /// Whether the number is one of the integers.
    /// - Parameter values: the set.
    /// - Returns: a bool expression.
    public func isIn(_ values: [Int64]) -> FeatureExpression { .isIn(self, values.map(Value.int64)) }
}

/// The value of `then` when the condition is true, of `else` when it is false; null when the
/// condition is null.
public func when(
    _ condition: FeatureExpression, then: FeatureExpression, else otherwise: FeatureExpression
) -> FeatureExpression {
    .call(.if, [condition, then, otherwise])
}
/// The first argument that is not null.
public func coalesce(_ arguments: FeatureExpression...) -> FeatureExpression { .call(.coalesce, arguments) }
/// Natural logarithm (IEEE: `log(0)` is -inf, `log(-1)` is NaN).
public func log(_ x: FeatureExpression) -> FeatureExpression { .call(.log, [x]) }
/// `log(1 + x)`, exact for small `x`.
public func log1p(_ x: FeatureExpression) -> FeatureExpression { .call(.log1p, [x]) }
/// `e` to the power `x`.
public func exp(_ x: FeatureExpression) -> FeatureExpression { .call(.exp, [x]) }
/// Square root (IEEE: NaN for a negative number).
public func sqrt(_ x: FeatureExpression) -> FeatureExpression { .call(.sqrt, [x]) }
/// Absolute value.
public func abs(_ x: FeatureExpression) -> FeatureExpression { .call(.abs, [x]) }
/// The smallest argument (NaN if any is NaN).
public func min(_ first: FeatureExpression, _ rest: FeatureExpression...) -> FeatureExpression {
    .call(.min, [first] + rest)
}
/// The largest argument (NaN if any is NaN).
public func max(_ first: FeatureExpression, _ rest: FeatureExpression...) -> FeatureExpression {
    .call(.max, [first] + rest)
}
/// `x` limited to `lower...upper`.
public func clamp(_ x: FeatureExpression, _ lower: FeatureExpression, _ upper: FeatureExpression) -> FeatureExpression {
    .call(.clamp, [x, lower, upper])
}
/// The nearest whole number, halves away from zero.
public func round(_ x: FeatureExpression) -> FeatureExpression { .call(.round, [x]) }
/// Seconds from `start` to `end` (negative when `end` is earlier), with fractions.
public func secondsBetween(_ start: FeatureExpression, _ end: FeatureExpression) -> FeatureExpression {
    .call(.secondsBetween, [start, end])
}
/// The text in lower case.
public func lower(_ text: FeatureExpression) -> FeatureExpression { .call(.lower, [text]) }
/// The number of Unicode scalars of the text (as pandas' `str.len` counts).
public func length(_ text: FeatureExpression) -> FeatureExpression { .call(.length, [text]) }
/// Whether the text contains the other.
public func contains(_ text: FeatureExpression, _ part: FeatureExpression) -> FeatureExpression {
    .call(.contains, [text, part])
}
/// Whether the text starts with the prefix.
public func startsWith(_ text: FeatureExpression, _ prefix: FeatureExpression) -> FeatureExpression {
    .call(.startsWith, [text, prefix])
}
/// The bucket index of a number: how many boundaries are `<=` it (0 below the first).
public func bucketize(_ x: FeatureExpression, _ boundaries: [Double]) -> FeatureExpression {
    .bucketize(x, boundaries: boundaries)
}
/// The hour (0-23) in a time zone.
public func hour(_ time: FeatureExpression, timeZone: String = "UTC") -> FeatureExpression {
    .timePart(.hour, time, timeZone: timeZone)
}
/// The day of the week in a time zone: Monday is 0, Sunday 6 (as pandas counts).
public func dayOfWeek(_ time: FeatureExpression, timeZone: String = "UTC") -> FeatureExpression {
    .timePart(.dayOfWeek, time, timeZone: timeZone)
}
/// The day of the month (1-31) in a time zone.
public func dayOfMonth(_ time: FeatureExpression, timeZone: String = "UTC") -> FeatureExpression {
    .timePart(.dayOfMonth, time, timeZone: timeZone)
}
/// The month (1-12) in a time zone.
public func month(_ time: FeatureExpression, timeZone: String = "UTC") -> FeatureExpression {
    .timePart(.month, time, timeZone: timeZone)
}
