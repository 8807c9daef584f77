import Foundation
import LarderCore

/// Number kernels: integers compute as `Int64` with overflow to null, floats as `Double`
/// with IEEE 754 results; division by zero is null for both.
enum Arithmetic {
    static func binary(
        _ function: ExpressionFunction, _ lhs: @escaping Kernel, _ rhs: @escaping Kernel, integers: Bool
    )
        -> Kernel
    {
        if integers {
            let operation: @Sendable (Int64, Int64) -> (Int64, Bool) =
                switch function {
                case .add: { $0.addingReportingOverflow($1) }
                case .subtract: { $0.subtractingReportingOverflow($1) }
                case .multiply: { $0.multipliedReportingOverflow(by: $1) }
                default: { $1 == 0 ? (0, true) : $0.dividedReportingOverflow(by: $1) }
                }
            return { row in
                guard let a = lhs(row).int64Value, let b = rhs(row).int64Value else { return .null }
                let (result, overflow) = operation(a, b)
                return overflow ? .null : .int64(result)
            }
        }
        let operation: @Sendable (Double, Double) -> Double? =
            switch function {
            case .add: { $0 + $1 }
            case .subtract: { $0 - $1 }
            case .multiply: { $0 * $1 }
            default: { $1 == 0 ? nil : $0 / $1 }
            }
        return { row in
            guard let a = lhs(row).doubleValue, let b = rhs(row).doubleValue else { return .null }
            return operation(a, b).map(Value.float64) ?? .null
        }
    }

    static func unary(_ function: ExpressionFunction, _ argument: @escaping Kernel, integer: Bool) -> Kernel {
        if integer {
            return { row in
                guard let x = argument(row).int64Value else { return .null }
                switch function {
                case .negate, .abs:
                    if function == .abs && x >= 0 { return .int64(x) }
                    let (result, overflow) = Int64(0).subtractingReportingOverflow(x)
                    return overflow ? .null : .int64(result)
                default: return .int64(x)
                }
            }
        }
        return { row in
            guard let x = argument(row).doubleValue else { return .null }
            switch function {
            case .negate: return .float64(-x)
            case .abs: return .float64(Swift.abs(x))
            default: return .float64(x.rounded(.toNearestOrAwayFromZero))
            }
        }
    }

    /// `min`, `max` and `clamp(x, lower, upper)` (`min(max(x, lower), upper)`); a NaN
    /// argument gives NaN.
    static func extremum(_ function: ExpressionFunction, _ arguments: [Kernel], integers: Bool) -> Kernel {
        if integers {
            return { row in
                var values: [Int64] = []
                values.reserveCapacity(arguments.count)
                for argument in arguments {
                    guard let value = argument(row).int64Value else { return .null }
                    values.append(value)
                }
                switch function {
                case .min: return .int64(values.min()!)
                case .max: return .int64(values.max()!)
                default: return .int64(Swift.min(Swift.max(values[0], values[1]), values[2]))
                }
            }
        }
        return { row in
            var values: [Double] = []
            values.reserveCapacity(arguments.count)
            for argument in arguments {
                guard let value = argument(row).doubleValue else { return .null }
                if value.isNaN { return .float64(.nan) }
                values.append(value)
            }
            switch function {
            case .min: return .float64(values.min()!)
            case .max: return .float64(values.max()!)
            default: return .float64(Swift.min(Swift.max(values[0], values[1]), values[2]))
            }
        }
    }

    /// `log`, `log1p`, `exp`, `sqrt` of the C library, as IEEE 754 defines them at the edges.
    static func real(_ function: ExpressionFunction, _ argument: @escaping Kernel) -> Kernel {
        let operation: @Sendable (Double) -> Double =
            switch function {
            case .log: { Foundation.log($0) }
            case .log1p: { Foundation.log1p($0) }
            case .exp: { Foundation.exp($0) }
            default: { $0.squareRoot() }
            }
        return { row in
            guard let x = argument(row).doubleValue else { return .null }
            return .float64(operation(x))
        }
    }
}
