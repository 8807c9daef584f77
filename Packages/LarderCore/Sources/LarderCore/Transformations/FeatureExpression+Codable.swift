// The JSON form of an expression, documented in docs/manifest.md ("On-demand feature view"):
// each node is an object with exactly one of `request`, `feature`, `literal` (with `type`),
// `call` (with `args`), `cast`, `in`, `bucketize` or `time_part` (each with `arg`).

extension FeatureExpression: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case request, feature, literal, type, call, args, cast, `in`, bucketize
        case timePart = "time_part", timeZone = "time_zone", arg
    }

    private static let kinds: [CodingKeys] = [.request, .feature, .literal, .call, .cast, .in, .bucketize, .timePart]

    /// Decodes one node and its arguments.
    /// - Throws: `DecodingError` for a node with no kind or two kinds, an unknown function,
    ///   type or time part, a literal that does not fit its type, or an unknown member.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownMembers(of: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let present = Self.kinds.filter { container.contains($0) }
        guard present.count == 1, let kind = present.first else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription:
                        "an expression has exactly one of \(Self.kinds.map { "'\($0.stringValue)'" }.joined(separator: ", "))"
                        + (present.isEmpty
                            ? "" : "; found \(present.map { "'\($0.stringValue)'" }.joined(separator: ", "))")
                ))
        }
        switch kind {
        case .request:
            self = .request(try container.decode(String.self, forKey: .request))
        case .feature:
            let text = try container.decode(String.self, forKey: .feature)
            guard let reference = try? FeatureReference(parsing: text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .feature, in: container, debugDescription: "'\(text)' is not of the form 'view:feature'")
            }
            self = .feature(reference)
        case .literal:
            let type = try container.decode(ScalarType.self, forKey: .type)
            self = .literal(try Self.decodeLiteral(of: type, in: container))
        case .call:
            self = .call(
                try container.decode(ExpressionFunction.self, forKey: .call),
                try container.decode([FeatureExpression].self, forKey: .args))
        case .cast:
            self = .cast(
                try container.decode(FeatureExpression.self, forKey: .arg),
                to: try container.decode(ScalarType.self, forKey: .cast))
        case .in:
            self = .isIn(
                try container.decode(FeatureExpression.self, forKey: .arg),
                try container.decode([SetMember].self, forKey: .in).map(\.value))
        case .bucketize:
            self = .bucketize(
                try container.decode(FeatureExpression.self, forKey: .arg),
                boundaries: try container.decode([Double].self, forKey: .bucketize))
        default:
            self = .timePart(
                try container.decode(TimePart.self, forKey: .timePart),
                try container.decode(FeatureExpression.self, forKey: .arg),
                timeZone: try container.decodeIfPresent(String.self, forKey: .timeZone) ?? "UTC")
        }
    }

    /// Encodes the node in the form ``init(from:)`` reads.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .request(let name): try container.encode(name, forKey: .request)
        case .feature(let reference): try container.encode(reference.description, forKey: .feature)
        case .literal(let value):
            try container.encode(Self.literalType(of: value), forKey: .type)
            try Self.encodeLiteral(value, in: &container)
        case .call(let function, let arguments):
            try container.encode(function, forKey: .call)
            try container.encode(arguments, forKey: .args)
        case .cast(let argument, let type):
            try container.encode(type, forKey: .cast)
            try container.encode(argument, forKey: .arg)
        case .isIn(let argument, let values):
            try container.encode(values.map(SetMember.init), forKey: .in)
            try container.encode(argument, forKey: .arg)
        case .bucketize(let argument, let boundaries):
            try container.encode(boundaries, forKey: .bucketize)
            try container.encode(argument, forKey: .arg)
        case .timePart(let part, let argument, let zone):
            try container.encode(part, forKey: .timePart)
            try container.encode(argument, forKey: .arg)
            try container.encode(zone, forKey: .timeZone)
        }
    }

    /// The scalar type a literal is written with (`float64` for a null).
    static func literalType(of value: Value) -> ScalarType {
        switch value {
        case .bool: .bool
        case .int32: .int32
        case .int64: .int64
        case .float32: .float32
        case .string: .string
        case .bytes: .bytes
        case .timestamp: .timestamp
        case .null, .float64, .list: .float64
        }
    }

    private static func decodeLiteral(
        of type: ScalarType, in container: KeyedDecodingContainer<CodingKeys>
    ) throws
        -> Value
    {
        if try container.decodeNil(forKey: .literal) { return .null }
        switch type {
        case .bool: return .bool(try container.decode(Bool.self, forKey: .literal))
        case .int32: return .int32(try container.decode(Int32.self, forKey: .literal))
        case .int64: return .int64(try container.decode(Int64.self, forKey: .literal))
        case .float32: return .float32(Float(try decodeDouble(in: container)))
        case .float64: return .float64(try decodeDouble(in: container))
        case .string: return .string(try container.decode(String.self, forKey: .literal))
        case .timestamp: return .timestamp(try container.decode(Timestamp.self, forKey: .literal))
        case .bytes:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container, debugDescription: "a literal cannot be of type bytes")
        }
    }

    /// A number, or `"NaN"`, `"Infinity"`, `"-Infinity"` (JSON has no such numbers).
    private static func decodeDouble(in container: KeyedDecodingContainer<CodingKeys>) throws -> Double {
        if let number = try? container.decode(Double.self, forKey: .literal) { return number }
        let text = try container.decode(String.self, forKey: .literal)
        switch text {
        case "NaN": return .nan
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .literal, in: container,
                debugDescription: "'\(text)' is not a number; expected a number, \"NaN\", \"Infinity\" or \"-Infinity\""
            )
        }
    }

    private static func encodeLiteral(_ value: Value, in container: inout KeyedEncodingContainer<CodingKeys>) throws {
        switch value {
        case .null, .list, .bytes: try container.encodeNil(forKey: .literal)
        case .bool(let v): try container.encode(v, forKey: .literal)
        case .int32(let v): try container.encode(v, forKey: .literal)
        case .int64(let v): try container.encode(v, forKey: .literal)
        case .float32(let v): try encodeDouble(Double(v), in: &container)
        case .float64(let v): try encodeDouble(v, in: &container)
        case .string(let v): try container.encode(v, forKey: .literal)
        case .timestamp(let v): try container.encode(v, forKey: .literal)
        }
    }

    private static func encodeDouble(_ value: Double, in container: inout KeyedEncodingContainer<CodingKeys>) throws {
        if value.isNaN {
            try container.encode("NaN", forKey: .literal)
        } else if value.isInfinite {
            try container.encode(value < 0 ? "-Infinity" : "Infinity", forKey: .literal)
        } else {
            try container.encode(value, forKey: .literal)
        }
    }
}

/// A member of an `in` set: a JSON string, boolean or number.
private struct SetMember: Codable {
    var value: Value

    init(_ value: Value) { self.value = value }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            value = .string(text)
        } else if let flag = try? container.decode(Bool.self) {
            value = .bool(flag)
        } else if let integer = try? container.decode(Int64.self) {
            value = .int64(integer)
        } else {
            value = .float64(try container.decode(Double.self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container: any SingleValueEncodingContainer = encoder.singleValueContainer()
        switch value {
        case .string(let v): try container.encode(v)
        case .bool(let v): try container.encode(v)
        case .int32(let v): try container.encode(v)
        case .int64(let v): try container.encode(v)
        case .float32(let v): try encodeNumber(Double(v), in: &container)
        case .float64(let v): try encodeNumber(v, in: &container)
        case .timestamp(let v): try container.encode(v)
        case .null, .bytes, .list: try container.encodeNil()
        }
    }

    /// A number, or `"NaN"`, `"Infinity"`, `"-Infinity"`, which a float set reads back.
    private func encodeNumber(_ value: Double, in container: inout any SingleValueEncodingContainer) throws {
        switch value {
        case _ where value.isNaN: try container.encode("NaN")
        case .infinity: try container.encode("Infinity")
        case -.infinity: try container.encode("-Infinity")
        default: try container.encode(value)
        }
    }
}
