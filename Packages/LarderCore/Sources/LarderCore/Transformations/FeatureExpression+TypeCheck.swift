public import Foundation

// The typing rules of docs/dsl.md ("Transformations"): integers compute as int64 and floats as
// float64; mixing them gives float64; a null literal may stand only where a value of any type
// fits (a branch of `if`, an argument of `coalesce`).

extension FeatureExpression {
    /// The type of the expression's values, checking every sub-expression.
    /// - Parameter environment: the types of request fields and features it may read.
    /// - Returns: the type; never a list or bytes unless the expression passes an input
    ///   through (`coalesce`, `if`).
    /// - Throws: ``ExpressionTypeError`` naming the smallest sub-expression that is wrong:
    ///   an unknown input, a wrong argument type or count, an unknown time zone, a set member
    ///   that does not fit, unsorted bucket boundaries.
    public func type(in environment: ExpressionEnvironment) throws(ExpressionTypeError) -> ValueType {
        guard let type = try typeOrNull(in: environment) else {
            throw ExpressionTypeError(self, "a null literal is allowed only as a branch of 'if' or in 'coalesce'")
        }
        return type
    }

    /// The type, or `nil` for a null literal.
    private func typeOrNull(in environment: ExpressionEnvironment) throws(ExpressionTypeError) -> ValueType? {
        switch self {
        case .literal(let value):
            if case .null = value { return nil }
            if case .bytes = value { throw ExpressionTypeError(self, "a literal cannot be bytes") }
            if case .list = value { throw ExpressionTypeError(self, "a literal cannot be a list") }
            return ValueType(Self.literalType(of: value))
        case .request(let name):
            guard let type = environment.requestFields[name] else {
                let known = environment.requestFields.keys.sorted()
                throw ExpressionTypeError(
                    self,
                    "unknown request field '\(name)'"
                        + (known.isEmpty ? "; the view declares none" : " (declared: \(known.joined(separator: ", ")))")
                )
            }
            return type
        case .feature(let reference):
            guard let type = environment.features[reference] else {
                throw ExpressionTypeError(self, "unknown feature '\(reference)'; no view defines it")
            }
            return type
        case .call(let function, let arguments):
            return try callType(function, arguments, in: environment)
        case .cast(let argument, let target):
            let from = try argument.type(in: environment)
            guard Self.canCast(from, to: ValueType(target)) else {
                throw ExpressionTypeError(self, "cannot cast \(from) to \(target.rawValue)")
            }
            return ValueType(target)
        case .isIn(let argument, let values):
            let type = try argument.type(in: environment)
            for value in values where Self.setMember(value, as: type) == nil {
                throw ExpressionTypeError(self, "set member \(Self.text(of: value)) is not a \(type)")
            }
            return .bool
        case .bucketize(let argument, let boundaries):
            try expect(numeric: argument.type(in: environment), function: "bucketize")
            guard boundaries.allSatisfy({ !$0.isNaN }), zip(boundaries, boundaries.dropFirst()).allSatisfy({ $0 < $1 })
            else { throw ExpressionTypeError(self, "bucket boundaries must be numbers in increasing order") }
            return .int64
        case .timePart(let part, let argument, let zone):
            let type = try argument.type(in: environment)
            guard type == .timestamp else {
                throw ExpressionTypeError(self, "\(part.rawValue) takes a timestamp, not \(type)")
            }
            guard TimeZone(identifier: zone) != nil else {
                throw ExpressionTypeError(
                    self, "unknown time zone '\(zone)'; use 'UTC' or an IANA name such as 'Europe/Paris'")
            }
            return .int64
        }
    }

    private func callType(
        _ function: ExpressionFunction, _ arguments: [FeatureExpression], in environment: ExpressionEnvironment
    ) throws(ExpressionTypeError) -> ValueType? {
        let (count, variadic) = function.arity
        guard variadic ? arguments.count >= count : arguments.count == count else {
            throw ExpressionTypeError(
                self,
                "\(function.rawValue) takes \(variadic ? "at least " : "")\(count) argument\(count == 1 ? "" : "s"), not \(arguments.count)"
            )
        }
        switch function {
        case .if:
            let condition = try arguments[0].type(in: environment)
            guard condition == .bool else {
                throw ExpressionTypeError(arguments[0], "the condition of 'if' must be bool, not \(condition)")
            }
            return try unify(arguments[1...], in: environment)
        case .coalesce:
            return try unify(arguments[...], in: environment)
        case .isNull:
            _ = try arguments[0].typeOrNull(in: environment)
            return .bool
        default:
            var types: [ValueType] = []
            for argument in arguments { types.append(try argument.type(in: environment)) }
            return try strictCallType(function, types, arguments)
        }
    }

    private func strictCallType(
        _ function: ExpressionFunction, _ types: [ValueType], _ arguments: [FeatureExpression]
    )
        throws(ExpressionTypeError) -> ValueType
    {
        let name = function.rawValue
        switch function {
        case .add, .subtract, .multiply, .divide, .min, .max, .clamp:
            for type in types { try expect(numeric: type, function: name) }
            return types.allSatisfy(\.isInteger) ? .int64 : .float64
        case .negate, .abs, .round:
            try expect(numeric: types[0], function: name)
            return types[0].isInteger ? .int64 : .float64
        case .log, .log1p, .exp, .sqrt:
            try expect(numeric: types[0], function: name)
            return .float64
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            let ordered = function != .equal && function != .notEqual
            guard Self.comparable(types[0], types[1], ordered: ordered) else {
                throw ExpressionTypeError(self, "cannot compare \(types[0]) with \(types[1])")
            }
            return .bool
        case .and, .or, .not:
            for type in types where type != .bool {
                throw ExpressionTypeError(self, "\(name) takes bool, not \(type)")
            }
            return .bool
        case .secondsBetween:
            for type in types where type != .timestamp {
                throw ExpressionTypeError(self, "\(name) takes timestamps, not \(type)")
            }
            return .float64
        case .lower, .length, .contains, .startsWith:
            for type in types where type != .string {
                throw ExpressionTypeError(self, "\(name) takes strings, not \(type)")
            }
            return function == .lower ? .string : function == .length ? .int64 : .bool
        case .if, .coalesce, .isNull:
            preconditionFailure("typed by callType")
        }
    }

    /// The common type of `if` branches or `coalesce` arguments: equal types, or numbers
    /// (int64 when all are integers, float64 otherwise).
    private func unify(
        _ arguments: ArraySlice<FeatureExpression>, in environment: ExpressionEnvironment
    )
        throws(ExpressionTypeError) -> ValueType
    {
        var result: ValueType?
        for argument in arguments {
            guard let type = try argument.typeOrNull(in: environment) else { continue }
            guard let current = result else {
                result = type
                continue
            }
            if current == type { continue }
            guard current.isNumeric, type.isNumeric else {
                throw ExpressionTypeError(self, "arguments have different types: \(current) and \(type)")
            }
            result = current.isInteger && type.isInteger ? .int64 : .float64
        }
        guard let result else { throw ExpressionTypeError(self, "every argument is a null literal") }
        return result
    }

    private func expect(numeric type: ValueType, function: String) throws(ExpressionTypeError) {
        guard type.isNumeric else { throw ExpressionTypeError(self, "\(function) takes numbers, not \(type)") }
    }

    private static func comparable(_ lhs: ValueType, _ rhs: ValueType, ordered: Bool) -> Bool {
        if lhs.isNumeric && rhs.isNumeric { return true }
        guard lhs == rhs else { return false }
        switch lhs {
        case .string, .timestamp: return true
        case .bool: return !ordered
        default: return false
        }
    }

    /// Whether `cast` converts values of one type to another (numbers, bools, strings and
    /// timestamps; lists and bytes never).
    static func canCast(_ from: ValueType, to target: ValueType) -> Bool {
        guard from.scalar != nil, from != .bytes, target != .bytes else { return false }
        switch (from, target) {
        case (.timestamp, .bool), (.bool, .timestamp), (.timestamp, .float32), (.timestamp, .float64),
            (.float32, .timestamp), (.float64, .timestamp):
            return false
        default: return true
        }
    }

    /// A set member converted to the type it is compared with, or `nil` when it does not fit:
    /// numbers for numbers, RFC 3339 text for timestamps.
    /// - Parameters:
    ///   - value: the member as written.
    ///   - type: the type of the value tested.
    /// - Returns: the member as a value of that type's family (`int64` or `float64` for
    ///   numbers).
    public static func setMember(_ value: Value, as type: ValueType) -> Value? {
        switch (type, value) {
        case (.int32, .int64), (.int64, .int64): return value
        case (.int32, .float64(let v)), (.int64, .float64(let v)): return Int64(exactly: v).map(Value.int64)
        case (.float32, .string(let text)), (.float64, .string(let text)):
            return ["NaN": Value.float64(.nan), "Infinity": .float64(.infinity), "-Infinity": .float64(-.infinity)][
                text]
        case (.float32, _), (.float64, _): return value.doubleValue.map(Value.float64)
        case (.string, .string), (.bool, .bool): return value
        case (.timestamp, .string(let text)): return Timestamp(parsing: text).map(Value.timestamp)
        default: return nil
        }
    }
}

extension ValueType {
    /// Whether values are integers (`int32` or `int64`).
    public var isInteger: Bool { self == .int32 || self == .int64 }
}
