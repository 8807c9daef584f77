extension FeatureExpression: CustomStringConvertible {
    /// The expression as text, for error messages: `log(amount + 1.0)`,
    /// `hour(timestamp, "Europe/Paris")`, `user_stats:avg_amount_30d`.
    public var description: String {
        switch self {
        case .literal(let value): Self.text(of: value)
        case .request(let name): name
        case .feature(let reference): reference.description
        case .call(let function, let arguments):
            if let symbol = Self.infixSymbols[function], arguments.count == 2 {
                "(\(arguments[0]) \(symbol) \(arguments[1]))"
            } else if function == .negate, arguments.count == 1 {
                "-\(arguments[0])"
            } else {
                "\(function.rawValue)(\(arguments.map(\.description).joined(separator: ", ")))"
            }
        case .cast(let argument, let type): "cast(\(argument), \(type.rawValue))"
        case .isIn(let argument, let values): "\(argument) in [\(values.map(Self.text(of:)).joined(separator: ", "))]"
        case .bucketize(let argument, let boundaries):
            "bucketize(\(argument), [\(boundaries.map { "\($0)" }.joined(separator: ", "))])"
        case .timePart(let part, let argument, let zone):
            zone == "UTC" ? "\(part.rawValue)(\(argument))" : "\(part.rawValue)(\(argument), \"\(zone)\")"
        }
    }

    private static let infixSymbols: [ExpressionFunction: String] = [
        .add: "+", .subtract: "-", .multiply: "*", .divide: "/", .equal: "==", .notEqual: "!=", .less: "<",
        .lessOrEqual: "<=", .greater: ">", .greaterOrEqual: ">=", .and: "and", .or: "or",
    ]

    /// A constant as text: strings quoted, timestamps in RFC 3339.
    static func text(of value: Value) -> String {
        switch value {
        case .null: "null"
        case .bool(let v): "\(v)"
        case .int32(let v): "\(v)"
        case .int64(let v): "\(v)"
        case .float32(let v): "\(v)"
        case .float64(let v): "\(v)"
        case .string(let v): "\"\(v)\""
        case .bytes(let v): "bytes(\(v.count))"
        case .timestamp(let v): v.rfc3339()
        case .list(let values): "[\(values.map(text(of:)).joined(separator: ", "))]"
        }
    }
}
