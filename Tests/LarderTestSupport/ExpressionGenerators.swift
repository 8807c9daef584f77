public import LarderCore

/// Random well-typed expression trees over a fixed set of inputs, and random inputs for them,
/// for property tests of the transformation interpreter. Inputs are request fields `x`
/// (float64), `i` (int64), `n` (int32), `f` (float32), `s` (string), `t`, `u` (timestamps) and
/// `b` (bool), plus any stored features a test passes in.
public struct ExpressionGenerator {
    /// The leaves, by the type they have.
    public var leaves: [ValueType: [FeatureExpression]]

    /// A generator over the standard request fields and extra leaves.
    /// - Parameter extra: more leaves (stored features), by type.
    public init(extra: [ValueType: [FeatureExpression]] = [:]) {
        leaves = [
            .float64: [.request("x"), .request("f")], .int64: [.request("i"), .request("n")],
            .string: [.request("s")], .timestamp: [.request("t"), .request("u")], .bool: [.request("b")],
        ]
        for (type, expressions) in extra { leaves[type, default: []] += expressions }
    }

    /// The standard request fields.
    public static let requestFields = [
        RequestField("x", .float64), RequestField("i", .int64), RequestField("n", .int32),
        RequestField("f", .float32), RequestField("s", .string), RequestField("t", .timestamp),
        RequestField("u", .timestamp), RequestField("b", .bool),
    ]

    /// The types generated expressions have.
    public static let types: [ValueType] = [.float64, .int64, .bool, .string, .timestamp]

    /// A random expression whose type is `type` (for `int64` and `float64` the checker may
    /// find it so only after promotion; use ``FeatureExpression/type(in:)`` for the exact type).
    /// - Parameters:
    ///   - type: one of ``types``.
    ///   - depth: how many more levels of calls it may have.
    ///   - rng: the source of randomness.
    public func expression(
        of type: ValueType, depth: Int, using rng: inout some RandomNumberGenerator
    )
        -> FeatureExpression
    {
        if depth == 0 || Int.random(in: 0..<4, using: &rng) == 0 { return leaf(of: type, using: &rng) }
        func sub(_ type: ValueType) -> FeatureExpression { expression(of: type, depth: depth - 1, using: &rng) }
        func number() -> FeatureExpression { sub(Bool.random(using: &rng) ? .float64 : .int64) }
        switch type {
        case .float64:
            switch Int.random(in: 0..<10, using: &rng) {
            case 0: return sub(.float64) + number()
            case 1: return number() - sub(.float64)
            case 2: return sub(.float64) * number()
            case 3: return number() / sub(.float64)
            case 4:
                let functions: [(FeatureExpression) -> FeatureExpression] = [log, log1p, exp, sqrt]
                return functions.randomElement(using: &rng)!(number())
            case 5: return coalesce(sub(.float64), number())
            case 6: return when(sub(.bool), then: sub(.float64), else: Bool.random(using: &rng) ? .null : number())
            case 7: return secondsBetween(sub(.timestamp), sub(.timestamp))
            case 8: return clamp(sub(.float64), -1.5, 2.5)
            default: return sub(.string).cast(to: .float64)
            }
        case .int64:
            switch Int.random(in: 0..<10, using: &rng) {
            case 0: return sub(.int64) + sub(.int64)
            case 1: return sub(.int64) * sub(.int64)
            case 2: return sub(.int64) / sub(.int64)
            case 3: return -sub(.int64)
            case 4: return bucketize(number(), [-1, 0, 2.5, 1e6])
            case 5:
                let zone = ["UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata"].randomElement(using: &rng)!
                let parts: [(FeatureExpression, String) -> FeatureExpression] = [hour, dayOfWeek, dayOfMonth, month]
                return parts.randomElement(using: &rng)!(sub(.timestamp), zone)
            case 6: return length(sub(.string))
            case 7: return number().cast(to: .int64)
            case 8: return max(sub(.int64), sub(.int64), 3)
            default: return abs(sub(.int64))
            }
        case .bool:
            switch Int.random(in: 0..<8, using: &rng) {
            case 0: return number() < number()
            case 1: return sub(.bool) && sub(.bool)
            case 2: return !sub(.bool) || sub(.bool)
            case 3: return number().isNull
            case 4: return sub(.string).isIn(["a", "B", ""])
            case 5: return contains(sub(.string), sub(.string))
            case 6: return sub(.timestamp) >= sub(.timestamp)
            default: return number().notEquals(number())
            }
        case .string:
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: return lower(sub(.string))
            case 1: return number().cast(to: .string)
            default: return coalesce(sub(.string), "none")
            }
        default:
            switch Int.random(in: 0..<2, using: &rng) {
            case 0: return sub(.int64).cast(to: .timestamp)
            default: return coalesce(sub(.timestamp), .timestamp(Timestamp(secondsSinceEpoch: 0)))
            }
        }
    }

    private func leaf(of type: ValueType, using rng: inout some RandomNumberGenerator) -> FeatureExpression {
        if Int.random(in: 0..<5, using: &rng) == 0 {
            switch type {
            case .float64: return .literal(.float64([0.5, -2, 0, 1e308, .infinity].randomElement(using: &rng)!))
            case .int64: return .literal(.int64([0, 1, -7, .max, .min].randomElement(using: &rng)!))
            case .bool: return .literal(.bool(Bool.random(using: &rng)))
            case .string: return .literal(.string(["a", "É", ""].randomElement(using: &rng)!))
            default: return .timestamp(Timestamp(secondsSinceEpoch: 1_711_846_800))
            }
        }
        return leaves[type]!.randomElement(using: &rng)!
    }

    /// Random values for the standard request fields (a tenth null), with the edge values
    /// that matter: NaN, infinities, extreme integers, daylight-saving instants.
    /// - Parameter rng: the source of randomness.
    /// - Returns: a value per request field name.
    public static func request(using rng: inout some RandomNumberGenerator) -> [String: Value] {
        var values: [String: Value] = [:]
        for field in requestFields {
            if Int.random(in: 0..<10, using: &rng) == 0 {
                values[field.name] = .null
                continue
            }
            values[field.name] = value(of: field.type, using: &rng)
        }
        return values
    }

    /// A random value of a type, edge values included.
    /// - Parameters:
    ///   - type: a scalar type.
    ///   - rng: the source of randomness.
    public static func value(of type: ValueType, using rng: inout some RandomNumberGenerator) -> Value {
        switch type {
        case .float64:
            return .float64(
                Bool.random(using: &rng)
                    ? [.nan, .infinity, -.infinity, 0, -0.0, 1, -1].randomElement(using: &rng)!
                    : Double.random(in: -1e6...1e6, using: &rng))
        case .float32: return .float32(Float.random(in: -100...100, using: &rng))
        case .int64:
            return .int64(
                Bool.random(using: &rng)
                    ? [.max, .min, 0, -1, 1].randomElement(using: &rng)! : Int64.random(in: -1000...1000, using: &rng))
        case .int32: return .int32(Int32.random(in: -1000...1000, using: &rng))
        case .string: return .string(["", "a", "B", "Grocery", "École", "1.5", "e\u{301}"].randomElement(using: &rng)!)
        case .bool: return .bool(Bool.random(using: &rng))
        case .timestamp:
            // Around the Paris and New York daylight-saving changes of 2024, and anywhere.
            let anchors: [Int64] = [1_711_846_800, 1_729_990_800, 1_710_054_000, 0]
            let base = anchors.randomElement(using: &rng)!
            return .timestamp(
                Timestamp(
                    nanosecondsSinceEpoch: (base + Int64.random(in: -7_200...7_200, using: &rng)) * 1_000_000_000
                        + Int64.random(in: 0..<1_000_000_000, using: &rng)))
        default: return .null
        }
    }
}
