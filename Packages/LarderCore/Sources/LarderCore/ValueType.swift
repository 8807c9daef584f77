/// The type of a scalar feature value, and of the elements of a list feature.
public enum ScalarType: String, Hashable, Sendable, CaseIterable, Codable {
    case bool, int32, int64, float32, float64, string, bytes, timestamp
}

/// The declared type of a feature or join key: a scalar, or a list of scalars (an embedding is
/// `.list(.float32)`).
///
/// Its text form, used in the manifest and in error messages, is the scalar's name (`int64`)
/// or `list<float32>`.
public enum ValueType: Hashable, Sendable {
    case bool, int32, int64, float32, float64, string, bytes, timestamp
    /// A list whose elements all have the given scalar type.
    case list(ScalarType)

    /// Wraps a scalar type.
    /// - Parameter scalar: the scalar type to wrap.
    public init(_ scalar: ScalarType) {
        switch scalar {
        case .bool: self = .bool
        case .int32: self = .int32
        case .int64: self = .int64
        case .float32: self = .float32
        case .float64: self = .float64
        case .string: self = .string
        case .bytes: self = .bytes
        case .timestamp: self = .timestamp
        }
    }

    /// The scalar type, or `nil` for a list.
    public var scalar: ScalarType? {
        switch self {
        case .bool: .bool
        case .int32: .int32
        case .int64: .int64
        case .float32: .float32
        case .float64: .float64
        case .string: .string
        case .bytes: .bytes
        case .timestamp: .timestamp
        case .list: nil
        }
    }

    /// Whether values of this type are numbers (integers or floats).
    public var isNumeric: Bool {
        switch self {
        case .int32, .int64, .float32, .float64: true
        default: false
        }
    }
}

extension ValueType: CustomStringConvertible, LosslessStringConvertible, Codable {
    /// The text form: `int64`, `list<float32>`.
    public var description: String {
        switch self {
        case .list(let element): "list<\(element.rawValue)>"
        default: scalar!.rawValue
        }
    }

    /// Parses the text form (`int64`, `list<float32>`); `nil` if it names no type.
    /// - Parameter description: the text form.
    public init?(_ description: String) {
        if description.hasPrefix("list<"), description.hasSuffix(">") {
            guard let element = ScalarType(rawValue: String(description.dropFirst(5).dropLast())) else { return nil }
            self = .list(element)
        } else {
            guard let scalar = ScalarType(rawValue: description) else { return nil }
            self.init(scalar)
        }
    }

    /// Decodes the text form.
    /// - Throws: `DecodingError.dataCorrupted` when the text names no type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let type = ValueType(text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "unknown value type '\(text)'; expected one of \(ValueType.allNames)"
            )
        }
        self = type
    }

    /// Encodes the text form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Every accepted type name, for error messages.
    public static var allNames: String {
        (ScalarType.allCases.map(\.rawValue) + ["list<SCALAR>"]).joined(separator: ", ")
    }
}

extension ValueType {
    /// Whether a feature of this type can take values of a file column's type without loss:
    /// the same type, a wider integer or float, or integers into floats.
    /// - Parameter fileType: the file column's type.
    public func accepts(_ fileType: ValueType) -> Bool {
        switch (self, fileType) {
        case _ where self == fileType: true
        case (.int64, .int32), (.float64, .float32), (.float64, .int32), (.float64, .int64), (.float32, .int32):
            true
        default: false
        }
    }
}
