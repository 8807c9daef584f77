import Foundation
public import LarderCore

/// The expression corpus: every function, with nulls, NaN, infinities, overflow, time-zone
/// edges and daylight-saving days, with values worked out by hand; and expressions whose
/// result is null whenever one of their request fields is. The interpreter's tests check the
/// values; the facade's tests check that training sets and online reads compute the same bits.
public enum ExpressionCorpus {
    /// An expression, the request fields it is evaluated with, and its value.
    public struct Case: CustomStringConvertible, Sendable {
        /// The expression.
        public var expression: FeatureExpression
        /// The request fields (absent ones are null).
        public var request: [String: Value]
        /// The value.
        public var expected: Value
        /// `expression with request = expected`.
        public var description: String { "\(expression) with \(request) = \(expected)" }
    }

    /// Every case with a value.
    public static var all: [Case] { arithmetic + logic + casts + times + text }

    static func c(_ expression: FeatureExpression, _ request: [String: Value] = [:], _ expected: Value) -> Case {
        Case(expression: expression, request: request, expected: expected)
    }

    static let x = RequestField("x", .float64).value
    static let i = RequestField("i", .int64).value
    static let n = RequestField("n", .int32).value
    static let f = RequestField("f", .float32).value
    static let s = RequestField("s", .string).value
    static let t = RequestField("t", .timestamp).value
    static let u = RequestField("u", .timestamp).value
    static let b = RequestField("b", .bool).value

    static func time(_ text: String) -> Value { .timestamp(Timestamp(parsing: text)!) }

    static let arithmetic: [Case] = [
        c(x + 1.0, ["x": .float64(1.5)], .float64(2.5)),
        c(i + 1, ["i": .int64(41)], .int64(42)),
        c(n + 1, ["n": .int32(41)], .int64(42)),
        c(n + x, ["n": .int32(1), "x": .float64(0.5)], .float64(1.5)),
        c(f * 2.0, ["f": .float32(1.5)], .float64(3)),
        c(i + 1, ["i": .int64(.max)], .null),
        c(i - 1, ["i": .int64(.min)], .null),
        c(i * 2, ["i": .int64(.max / 2 + 1)], .null),
        c(-i, ["i": .int64(.min)], .null),
        c(-i, ["i": .int64(5)], .int64(-5)),
        c(-x, ["x": .float64(0)], .float64(-0.0)),
        c(i / 2, ["i": .int64(7)], .int64(3)),
        c(i / 2, ["i": .int64(-7)], .int64(-3)),
        c(i / 0, ["i": .int64(7)], .null),
        c(i / -1, ["i": .int64(.min)], .null),
        c(x / 0.0, ["x": .float64(1)], .null),
        c(x / -0.0, ["x": .float64(1)], .null),
        c(x / 2.0, ["x": .float64(.infinity)], .float64(.infinity)),
        c(x / 2.0, ["x": .float64(.nan)], .float64(.nan)),
        c(x - x, ["x": .float64(.infinity)], .float64(.nan)),
        c(x * 0.0, ["x": .float64(-.infinity)], .float64(.nan)),
        c(x * 2.0, ["x": .float64(.greatestFiniteMagnitude)], .float64(.infinity)),
        c(x + 1.0, [:], .null),
        c(i - 1, [:], .null),
        c(i / x, ["i": .int64(1), "x": .float64(4)], .float64(0.25)),
        c(abs(i), ["i": .int64(-3)], .int64(3)),
        c(abs(i), ["i": .int64(.min)], .null),
        c(abs(x), ["x": .float64(-0.0)], .float64(0)),
        c(abs(x), ["x": .float64(-.infinity)], .float64(.infinity)),
        c(round(x), ["x": .float64(2.5)], .float64(3)),
        c(round(x), ["x": .float64(-2.5)], .float64(-3)),
        c(round(x), ["x": .float64(.nan)], .float64(.nan)),
        c(round(i), ["i": .int64(7)], .int64(7)),
        c(min(x, 1.0), ["x": .float64(0.5)], .float64(0.5)),
        c(min(x, 1.0), ["x": .float64(.nan)], .float64(.nan)),
        c(max(i, 3, 9), ["i": .int64(5)], .int64(9)),
        c(max(i, x), ["i": .int64(5), "x": .float64(5.5)], .float64(5.5)),
        c(max(x, 0.0), ["x": .float64(-.infinity)], .float64(0)),
        c(min(i, 3), [:], .null),
        c(clamp(x, 0.0, 1.0), ["x": .float64(3)], .float64(1)),
        c(clamp(x, 0.0, 1.0), ["x": .float64(-3)], .float64(0)),
        c(clamp(x, 0.0, 1.0), ["x": .float64(.nan)], .float64(.nan)),
        c(clamp(i, 0, 10), ["i": .int64(4)], .int64(4)),
        c(log(x), ["x": .float64(1)], .float64(0)),
        c(log(x), ["x": .float64(0)], .float64(-.infinity)),
        c(log(x), ["x": .float64(-1)], .float64(.nan)),
        c(log(x + 1), ["x": .float64(2)], .float64(Foundation.log(3.0))),
        c(log(i), ["i": .int64(1)], .float64(0)),
        c(log1p(x), ["x": .float64(0)], .float64(0)),
        c(log1p(x), ["x": .float64(-1)], .float64(-.infinity)),
        c(exp(x), ["x": .float64(0)], .float64(1)),
        c(exp(x), ["x": .float64(1000)], .float64(.infinity)),
        c(exp(x), ["x": .float64(-.infinity)], .float64(0)),
        c(sqrt(x), ["x": .float64(4)], .float64(2)),
        c(sqrt(x), ["x": .float64(-1)], .float64(.nan)),
        c(sqrt(x), ["x": .float64(-0.0)], .float64(-0.0)),
        c(sqrt(i), ["i": .int64(9)], .float64(3)),
        c(log(x), [:], .null),
    ]

    static let logic: [Case] = [
        c(x < 1.0, ["x": .float64(0.5)], .bool(true)),
        c(x < 1.0, ["x": .float64(.nan)], .bool(false)),
        c(x.notEquals(x), ["x": .float64(.nan)], .bool(true)),
        c(x.equals(x), ["x": .float64(.nan)], .bool(false)),
        c(x >= 1.0, ["x": .float64(.infinity)], .bool(true)),
        c(i > n, ["i": .int64(3), "n": .int32(2)], .bool(true)),
        c(i <= 3, ["i": .int64(3)], .bool(true)),
        c(i.equals(x), ["i": .int64(3), "x": .float64(3)], .bool(true)),
        c(i.equals(9_007_199_254_740_993), ["i": .int64(9_007_199_254_740_993)], .bool(true)),
        c(i.equals(9_007_199_254_740_992), ["i": .int64(9_007_199_254_740_993)], .bool(false)),
        c(s < "b", ["s": .string("a")], .bool(true)),
        c(s.equals("é"), ["s": .string("e\u{301}")], .bool(true)),
        c(t < u, ["t": time("2024-01-01T00:00:00Z"), "u": time("2024-01-01T00:00:01Z")], .bool(true)),
        c(b.equals(true), ["b": .bool(true)], .bool(true)),
        c(x < 1.0, [:], .null),
        c(b && (x > 0.0), ["b": .bool(true), "x": .float64(1)], .bool(true)),
        c(b && (x > 0.0), ["b": .bool(false), "x": .float64(1)], .bool(false)),
        c(b && (x > 0.0), ["b": .bool(false)], .null),
        c(b || (x > 0.0), ["b": .bool(true)], .null),
        c(b || (x > 0.0), ["b": .bool(false), "x": .float64(1)], .bool(true)),
        c(!b, ["b": .bool(false)], .bool(true)),
        c(!b, [:], .null),
        c(when(b, then: x, else: 0.0), ["b": .bool(true), "x": .float64(2)], .float64(2)),
        c(when(b, then: x, else: 0.0), ["b": .bool(false)], .float64(0)),
        c(when(b, then: x, else: 0.0), [:], .null),
        c(when(b, then: i, else: x), ["b": .bool(true), "i": .int64(3)], .float64(3)),
        c(when(b, then: .null, else: i), ["b": .bool(true), "i": .int64(3)], .null),
        c(when(b, then: .null, else: i), ["b": .bool(false), "i": .int64(3)], .int64(3)),
        c(coalesce(x, 0.0), [:], .float64(0)),
        c(coalesce(x, 0.0), ["x": .float64(.nan)], .float64(.nan)),
        c(coalesce(n, i, 7), ["i": .int64(5)], .int64(5)),
        c(coalesce(n, i, 7), ["n": .int32(4)], .int64(4)),
        c(coalesce(n, x), ["n": .int32(4)], .float64(4)),
        c(coalesce(s, .null, "none"), [:], .string("none")),
        c(x.isNull, [:], .bool(true)),
        c(x.isNull, ["x": .float64(.nan)], .bool(false)),
        c((x + 1.0).isNull, ["x": .float64(1)], .bool(false)),
        c(s.isIn(["food", "travel"]), ["s": .string("travel")], .bool(true)),
        c(s.isIn(["food", "travel"]), ["s": .string("Travel")], .bool(false)),
        c(s.isIn(["food"]), [:], .null),
        c(i.isIn([1, 2, 3]), ["i": .int64(2)], .bool(true)),
        c(n.isIn([1, 2, 3]), ["n": .int32(4)], .bool(false)),
        c(x.isIn([.int64(1), .float64(2.5)]), ["x": .float64(2.5)], .bool(true)),
        c(x.isIn([.int64(1)]), ["x": .float64(1)], .bool(true)),
        c(x.isIn([.float64(0)]), ["x": .float64(-0.0)], .bool(true)),
        c(x.isIn([.float64(.nan)]), ["x": .float64(.nan)], .bool(false)),
        c(t.isIn([.string("2024-01-01T00:00:00Z")]), ["t": time("2024-01-01T01:00:00+01:00")], .bool(true)),
        c(b.isIn([.bool(true)]), ["b": .bool(false)], .bool(false)),
    ]

    static let casts: [Case] = [
        c(x.cast(to: .int64), ["x": .float64(2.9)], .int64(2)),
        c(x.cast(to: .int64), ["x": .float64(-2.9)], .int64(-2)),
        c(x.cast(to: .int64), ["x": .float64(.nan)], .null),
        c(x.cast(to: .int64), ["x": .float64(.infinity)], .null),
        c(x.cast(to: .int64), ["x": .float64(9.3e18)], .null),
        c(x.cast(to: .int64), ["x": .float64(-9_223_372_036_854_775_808.0)], .int64(.min)),
        c(i.cast(to: .int32), ["i": .int64(1 << 40)], .null),
        c(i.cast(to: .int32), ["i": .int64(-7)], .int32(-7)),
        c(i.cast(to: .float64), ["i": .int64(3)], .float64(3)),
        c(x.cast(to: .float32), ["x": .float64(0.1)], .float32(0.1)),
        c(x.cast(to: .float32), ["x": .float64(1e300)], .float32(.infinity)),
        c(x.cast(to: .string), ["x": .float64(1.5)], .string("1.5")),
        c(i.cast(to: .string), ["i": .int64(-12)], .string("-12")),
        c(b.cast(to: .int64), ["b": .bool(true)], .int64(1)),
        c(x.cast(to: .bool), ["x": .float64(0)], .bool(false)),
        c(x.cast(to: .bool), ["x": .float64(.nan)], .null),
        c(s.cast(to: .int64), ["s": .string("42")], .int64(42)),
        c(s.cast(to: .int64), ["s": .string("4.2")], .null),
        c(s.cast(to: .float64), ["s": .string("4.25")], .float64(4.25)),
        c(s.cast(to: .float64), ["s": .string("abc")], .null),
        c(s.cast(to: .bool), ["s": .string("true")], .bool(true)),
        c(s.cast(to: .bool), ["s": .string("yes")], .null),
        c(s.cast(to: .timestamp), ["s": .string("2024-03-10T12:00:00Z")], time("2024-03-10T12:00:00Z")),
        c(s.cast(to: .timestamp), ["s": .string("March")], .null),
        c(t.cast(to: .string), ["t": time("2024-03-10T12:00:00.5Z")], .string("2024-03-10T12:00:00.500Z")),
        c(t.cast(to: .int64), ["t": time("1969-12-31T23:59:59.5Z")], .int64(-1)),
        c(i.cast(to: .timestamp), ["i": .int64(86_400)], time("1970-01-02T00:00:00Z")),
        c(i.cast(to: .timestamp), ["i": .int64(.max)], .null),
        c(x.cast(to: .string), [:], .null),
    ]

    static let times: [Case] = [
        c(hour(t), ["t": time("2024-03-10T23:59:59.999Z")], .int64(23)),
        c(hour(t), ["t": time("2024-03-11T00:00:00Z")], .int64(0)),
        c(hour(t), ["t": time("1969-12-31T23:30:00Z")], .int64(23)),
        c(dayOfWeek(t), ["t": time("2024-01-01T12:00:00Z")], .int64(0)),  // a Monday
        c(dayOfWeek(t), ["t": time("2024-01-07T12:00:00Z")], .int64(6)),  // a Sunday
        c(dayOfWeek(t), ["t": time("1970-01-01T00:00:00Z")], .int64(3)),  // a Thursday
        c(dayOfWeek(t), ["t": time("1969-12-29T00:00:00Z")], .int64(0)),  // a Monday before the epoch
        c(dayOfMonth(t), ["t": time("2024-02-29T10:00:00Z")], .int64(29)),
        c(month(t), ["t": time("2024-12-31T23:59:59Z")], .int64(12)),
        c(month(t), ["t": time("1900-03-01T00:00:00Z")], .int64(3)),
        c(hour(t, timeZone: "Europe/Paris"), ["t": time("2024-01-15T23:30:00Z")], .int64(0)),
        c(dayOfMonth(t, timeZone: "Europe/Paris"), ["t": time("2024-01-31T23:30:00Z")], .int64(1)),
        c(month(t, timeZone: "Europe/Paris"), ["t": time("2024-01-31T23:30:00Z")], .int64(2)),
        c(dayOfWeek(t, timeZone: "America/Los_Angeles"), ["t": time("2024-01-01T05:00:00Z")], .int64(6)),
        // Daylight saving in Paris began 2024-03-31 at 01:00 UTC (02:00 local became 03:00).
        c(hour(t, timeZone: "Europe/Paris"), ["t": time("2024-03-31T00:59:59Z")], .int64(1)),
        c(hour(t, timeZone: "Europe/Paris"), ["t": time("2024-03-31T01:00:00Z")], .int64(3)),
        // ... and ended 2024-10-27 at 01:00 UTC (03:00 local became 02:00).
        c(hour(t, timeZone: "Europe/Paris"), ["t": time("2024-10-27T00:59:59Z")], .int64(2)),
        c(hour(t, timeZone: "Europe/Paris"), ["t": time("2024-10-27T01:00:00Z")], .int64(2)),
        c(hour(t, timeZone: "America/New_York"), ["t": time("2024-03-10T06:59:59Z")], .int64(1)),
        c(hour(t, timeZone: "America/New_York"), ["t": time("2024-03-10T07:00:00Z")], .int64(3)),
        c(hour(t, timeZone: "Asia/Kolkata"), ["t": time("2024-06-01T18:30:00Z")], .int64(0)),
        c(hour(t, timeZone: "Australia/Lord_Howe"), ["t": time("2024-01-01T00:00:00Z")], .int64(11)),
        c(hour(t), [:], .null),
        c(
            secondsBetween(t, u), ["t": time("2024-01-01T00:00:00Z"), "u": time("2024-01-01T00:01:00.5Z")],
            .float64(60.5)),
        c(secondsBetween(u, t), ["t": time("2024-01-01T00:00:00Z"), "u": time("2024-01-01T00:01:00Z")], .float64(-60)),
        c(
            secondsBetween(t, u),
            [
                "t": .timestamp(Timestamp(nanosecondsSinceEpoch: .min)),
                "u": .timestamp(Timestamp(nanosecondsSinceEpoch: .max)),
            ],
            .float64((Double(Int64.max) - Double(Int64.min)) / 1e9)),
        c(secondsBetween(t, u), ["t": time("2024-01-01T00:00:00Z")], .null),
    ]

    static let text: [Case] = [
        c(lower(s), ["s": .string("GROCERY Store")], .string("grocery store")),
        c(lower(s), ["s": .string("ÉCOLE")], .string("école")),
        c(lower(s), [:], .null),
        c(length(s), ["s": .string("")], .int64(0)),
        c(length(s), ["s": .string("héllo")], .int64(5)),
        c(length(s), ["s": .string("e\u{301}")], .int64(2)),
        c(length(s), ["s": .string("👍🏽")], .int64(2)),
        c(contains(s, "shop"), ["s": .string("coffee shop")], .bool(true)),
        c(contains(s, ""), ["s": .string("x")], .bool(true)),
        c(contains(s, "Shop"), ["s": .string("coffee shop")], .bool(false)),
        c(startsWith(s, "coff"), ["s": .string("coffee shop")], .bool(true)),
        c(startsWith(s, "shop"), ["s": .string("coffee shop")], .bool(false)),
        c(startsWith(s, "x"), [:], .null),
        c(bucketize(x, [0, 10, 100]), ["x": .float64(-1)], .int64(0)),
        c(bucketize(x, [0, 10, 100]), ["x": .float64(0)], .int64(1)),
        c(bucketize(x, [0, 10, 100]), ["x": .float64(10)], .int64(2)),
        c(bucketize(x, [0, 10, 100]), ["x": .float64(99.9)], .int64(2)),
        c(bucketize(x, [0, 10, 100]), ["x": .float64(.infinity)], .int64(3)),
        c(bucketize(x, [0, 10, 100]), ["x": .float64(-.infinity)], .int64(0)),
        c(bucketize(x, [0, 10, 100]), ["x": .float64(.nan)], .null),
        c(bucketize(i, [0, 10, 100]), ["i": .int64(100)], .int64(3)),
        c(bucketize(x, []), ["x": .float64(5)], .int64(0)),
        c(bucketize(x, [1]), [:], .null),
    ]

    /// A value for every request field.
    public static let present: [String: Value] = [
        "x": .float64(2), "i": .int64(3), "n": .int32(4), "f": .float32(0.5), "s": .string("Abc"),
        "t": time("2024-05-06T07:08:09Z"), "u": time("2024-05-07T07:08:09Z"), "b": .bool(true),
    ]

    /// Expressions that are null when any of their request fields is.
    public static let nullPropagating: [FeatureExpression] = {
        let numbers = [x, i, n, f]
        var expressions: [FeatureExpression] = []
        for a in numbers {
            expressions += [-a, abs(a), round(a), log(a), log1p(a), exp(a), sqrt(a), a.cast(to: .string)]
            expressions += [a.cast(to: .int64), a.cast(to: .bool), bucketize(a, [1, 2]), a.isIn([.int64(1)])]
            for other in numbers {
                expressions += [a + other, a - other, a * other, a / other, min(a, other), max(a, other)]
                expressions += [clamp(a, other, 10), a < other, a <= other, a > other, a >= other, a.equals(other)]
                expressions += [a.notEquals(other)]
            }
        }
        expressions += [b && b, b || !b, !b, b.equals(true), b.cast(to: .int64)]
        expressions += [lower(s), length(s), contains(s, s), startsWith(s, s), s < s, s.cast(to: .float64).isNull]
        expressions += [hour(t), dayOfWeek(t), dayOfMonth(t), month(t), secondsBetween(t, u), t < u]
        expressions += [hour(t, timeZone: "Europe/Paris"), t.cast(to: .string)]
        return expressions.filter { !($0.description.contains("is_null")) }
    }()
}
