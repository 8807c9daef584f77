// The JSON form of expectations (docs/manifest.md): a view's optional member
// `"expectations": {"policy": "reject", "rules": [{"rule": "between", "column": "amount",
// "min": 0.01, "max": 100000}, ...]}`. A view without it reads as it always did.

extension ViewExpectations: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case policy, rules }

    /// Decodes a view's expectations; `policy` may be absent (`reject`).
    /// - Throws: `DecodingError` for an unknown policy, rule or member.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownMembers(of: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            policy: try container.decodeIfPresent(ExpectationPolicy.self, forKey: .policy) ?? .reject,
            rules: try container.decodeIfPresent([Expectation].self, forKey: .rules) ?? [])
    }

    /// Encodes the policy and the rules.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(policy, forKey: .policy)
        try container.encode(rules, forKey: .rules)
    }
}

extension Expectation: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case rule, column, min, max, values, fraction, pattern }

    /// The members each rule takes besides `rule`.
    private static func members(of rule: String) -> [CodingKeys]? {
        switch rule {
        case "not_null": [.column]
        case "between": [.column, .min, .max]
        case "in_set": [.column, .values]
        case "unique": [.column]
        case "max_null_fraction": [.column, .fraction]
        case "matches": [.column, .pattern]
        case "row_count": [.min, .max]
        default: nil
        }
    }

    /// Decodes an expectation by its `rule`.
    /// - Throws: `DecodingError` for an unknown rule, a member the rule does not take, or a
    ///   missing one.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let rule = try container.decode(String.self, forKey: .rule)
        guard let members = Self.members(of: rule) else {
            throw DecodingError.dataCorruptedError(
                forKey: .rule, in: container,
                debugDescription:
                    "unknown rule '\(rule)'; expected not_null, between, in_set, unique, max_null_fraction, matches or row_count"
            )
        }
        try decoder.rejectUnknownMembers(of: CodingKeys.self)
        if let extra = container.allKeys.first(where: { $0 != .rule && !members.contains($0) }) {
            throw DecodingError.dataCorruptedError(
                forKey: extra, in: container,
                debugDescription:
                    "rule '\(rule)' takes \(members.map { "'\($0.stringValue)'" }.joined(separator: ", "))")
        }
        switch rule {
        case "row_count":
            self.init(
                column: nil,
                check: .rowCount(
                    min: try container.decodeIfPresent(Int.self, forKey: .min),
                    max: try container.decodeIfPresent(Int.self, forKey: .max)))
        case "unique":
            self.init(column: try container.decodeIfPresent(String.self, forKey: .column), check: .unique)
        default:
            let column = try container.decode(String.self, forKey: .column)
            let check: Check =
                switch rule {
                case "not_null": .notNull
                case "between":
                    .between(
                        min: try container.decode(Double.self, forKey: .min),
                        max: try container.decode(Double.self, forKey: .max))
                case "in_set": .inSet(try container.decode([ExpectedValue].self, forKey: .values))
                case "max_null_fraction": .maxNullFraction(try container.decode(Double.self, forKey: .fraction))
                default: .matches(try container.decode(String.self, forKey: .pattern))
                }
            self.init(column: column, check: check)
        }
    }

    /// Encodes the expectation with its `rule`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ruleName, forKey: .rule)
        try container.encodeIfPresent(column, forKey: .column)
        switch check {
        case .notNull, .unique: break
        case .between(let min, let max):
            try container.encode(min, forKey: .min)
            try container.encode(max, forKey: .max)
        case .inSet(let values): try container.encode(values, forKey: .values)
        case .maxNullFraction(let fraction): try container.encode(fraction, forKey: .fraction)
        case .matches(let pattern): try container.encode(pattern, forKey: .pattern)
        case .rowCount(let min, let max):
            try container.encodeIfPresent(min, forKey: .min)
            try container.encodeIfPresent(max, forKey: .max)
        }
    }
}

extension ExpectedValue: Codable {
    /// Decodes a JSON string, integer or boolean.
    /// - Throws: `DecodingError` for any other JSON value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "an in_set value is a string, an integer or a boolean")
        }
    }

    /// Encodes the value as a JSON string, integer or boolean.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        }
    }
}
