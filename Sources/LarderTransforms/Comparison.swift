import LarderCore

/// Comparison kernels: numbers compare as `Int64` when both are integers and as `Double`
/// otherwise (IEEE: NaN is unequal to everything); strings by Unicode canonical ordering,
/// timestamps as instants, bools for equality.
enum Comparison {
    static func kernel(
        _ function: ExpressionFunction, _ lhs: @escaping Kernel, _ rhs: @escaping Kernel, integers: Bool
    ) -> Kernel {
        { row in
            let a = lhs(row)
            let b = rhs(row)
            if a.isNull || b.isNull { return .null }
            if integers, let x = a.int64Value, let y = b.int64Value { return .bool(compare(function, x, y)) }
            if let x = a.doubleValue, let y = b.doubleValue { return .bool(compare(function, x, y)) }
            switch (a, b) {
            case (.string(let x), .string(let y)): return .bool(compare(function, x, y))
            case (.timestamp(let x), .timestamp(let y)): return .bool(compare(function, x, y))
            case (.bool(let x), .bool(let y)): return .bool(function == .equal ? x == y : x != y)
            default: return .null
            }
        }
    }

    private static func compare<T: Comparable>(_ function: ExpressionFunction, _ x: T, _ y: T) -> Bool {
        switch function {
        case .equal: x == y
        case .notEqual: x != y
        case .less: x < y
        case .lessOrEqual: x <= y
        case .greater: x > y
        default: x >= y
        }
    }
}
