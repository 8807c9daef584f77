import Foundation
import LarderCore

/// The kernels of functions and operators. Every kernel returns null when an argument is
/// null, except `if` (the chosen branch), `coalesce` and `is_null`; integer overflow and
/// division by zero are null; floats follow IEEE 754 (NaN and infinities pass through).
enum Kernels {
    static func call(
        _ function: ExpressionFunction, _ arguments: [Kernel], argumentTypes: [ValueType?], resultType: ValueType
    ) -> Kernel {
        let integers = argumentTypes.allSatisfy { $0?.isInteger ?? true }
        switch function {
        case .if:
            let (condition, then, otherwise) = (arguments[0], arguments[1], arguments[2])
            return { row in
                switch condition(row) {
                case .bool(true): then(row)
                case .bool(false): otherwise(row)
                default: .null
                }
            }
        case .coalesce:
            return { row in
                for argument in arguments {
                    let value = argument(row)
                    if !value.isNull { return value }
                }
                return .null
            }
        case .isNull:
            let argument = arguments[0]
            return { .bool(argument($0).isNull) }
        case .add, .subtract, .multiply, .divide:
            return Arithmetic.binary(function, arguments[0], arguments[1], integers: integers)
        case .negate, .abs, .round:
            return Arithmetic.unary(function, arguments[0], integer: integers)
        case .min, .max, .clamp:
            return Arithmetic.extremum(function, arguments, integers: integers)
        case .log, .log1p, .exp, .sqrt:
            return Arithmetic.real(function, arguments[0])
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            return Comparison.kernel(function, arguments[0], arguments[1], integers: integers)
        case .and, .or:
            let isAnd = function == .and
            return { row in
                var result = isAnd
                for argument in arguments {
                    guard case .bool(let value) = argument(row) else { return .null }
                    result = isAnd ? result && value : result || value
                }
                return .bool(result)
            }
        case .not:
            let argument = arguments[0]
            return { row in
                guard case .bool(let value) = argument(row) else { return .null }
                return .bool(!value)
            }
        case .secondsBetween:
            let (start, end) = (arguments[0], arguments[1])
            return { row in
                guard case .timestamp(let from) = start(row), case .timestamp(let to) = end(row) else { return .null }
                let (difference, overflow) = to.nanosecondsSinceEpoch.subtractingReportingOverflow(
                    from.nanosecondsSinceEpoch)
                return .float64(
                    overflow
                        ? (Double(to.nanosecondsSinceEpoch) - Double(from.nanosecondsSinceEpoch)) / 1e9
                        : Double(difference) / 1e9)
            }
        case .lower, .length, .contains, .startsWith:
            return Text.kernel(function, arguments)
        }
    }

    static func isIn(_ argument: @escaping Kernel, _ members: [Value]) -> Kernel {
        let set = Set(members)
        return { row in
            switch argument(row) {
            case .null: .null
            case .int32(let v): .bool(set.contains(.int64(Int64(v))))
            case .float32(let v): .bool(set.contains(.float64(Double(v))))
            case .float64(let v): .bool(set.contains(.float64(v == 0 ? 0 : v)))
            case let value: .bool(set.contains(value))
            }
        }
    }

    static func bucketize(_ argument: @escaping Kernel, _ boundaries: [Double]) -> Kernel {
        { row in
            guard let x = argument(row).doubleValue, !x.isNaN else { return .null }
            // How many boundaries are <= x: the first index whose boundary is greater.
            var low = 0
            var high = boundaries.count
            while low < high {
                let middle = (low + high) / 2
                if boundaries[middle] <= x { low = middle + 1 } else { high = middle }
            }
            return .int64(Int64(low))
        }
    }
}
