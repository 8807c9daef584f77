import LarderCore

/// `cast` kernels: a value that does not convert (text that is not a number, a float out of
/// an integer's range, NaN to an integer) is null. Floats convert to integers toward zero;
/// bools to numbers as 0 and 1; numbers to bools as `!= 0`; timestamps to and from `int64` as
/// whole seconds since the epoch; timestamps to text in RFC 3339.
enum Cast {
    static func kernel(_ argument: @escaping Kernel, from: ValueType, to target: ValueType) -> Kernel {
        if from == target { return argument }
        return { row in convert(argument(row), to: target) }
    }

    static func convert(_ value: Value, to target: ValueType) -> Value {
        if value.isNull { return .null }
        switch target {
        case .bool:
            switch value {
            case .bool: return value
            case .string(let text):
                switch text {
                case "true", "1": return .bool(true)
                case "false", "0": return .bool(false)
                default: return .null
                }
            default:
                guard let number = value.doubleValue, !number.isNaN else { return .null }
                return .bool(number != 0)
            }
        case .int32:
            return integer(value).flatMap(Int32.init(exactly:)).map(Value.int32) ?? .null
        case .int64:
            return integer(value).map(Value.int64) ?? .null
        case .float32:
            return real(value).map { .float32(Float($0)) } ?? .null
        case .float64:
            return real(value).map(Value.float64) ?? .null
        case .string:
            return .string(text(value))
        case .timestamp:
            switch value {
            case .string(let text): return Timestamp(parsing: text).map(Value.timestamp) ?? .null
            default:
                guard let seconds = value.int64Value else { return .null }
                let (nanoseconds, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
                return overflow ? .null : .timestamp(Timestamp(nanosecondsSinceEpoch: nanoseconds))
            }
        default:
            return .null
        }
    }

    private static func integer(_ value: Value) -> Int64? {
        switch value {
        case .bool(let flag): return flag ? 1 : 0
        case .int32(let v): return Int64(v)
        case .int64(let v): return v
        case .float32, .float64:
            let number = value.doubleValue!
            guard number.isFinite, number >= -9_223_372_036_854_775_808.0, number < 9_223_372_036_854_775_808.0
            else { return nil }
            return Int64(number.rounded(.towardZero))
        case .string(let text): return Int64(text)
        case .timestamp(let time): return time.wholeSecondsSinceEpoch
        default: return nil
        }
    }

    private static func real(_ value: Value) -> Double? {
        switch value {
        case .bool(let flag): flag ? 1 : 0
        case .string(let text): Double(text)
        default: value.doubleValue
        }
    }

    private static func text(_ value: Value) -> String {
        switch value {
        case .bool(let v): "\(v)"
        case .int32(let v): "\(v)"
        case .int64(let v): "\(v)"
        case .float32(let v): "\(v)"
        case .float64(let v): "\(v)"
        case .string(let v): v
        case .timestamp(let v): v.rfc3339()
        default: ""
        }
    }
}
