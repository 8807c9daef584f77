/// One feature or key value, with null carried explicitly.
public enum Value: Hashable, Sendable {
    case null
    case bool(Bool)
    case int32(Int32)
    case int64(Int64)
    case float32(Float)
    case float64(Double)
    case string(String)
    case bytes([UInt8])
    case timestamp(Timestamp)
    /// A list of non-list values (elements may be null).
    case list([Value])

    /// Whether this is `.null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// Whether this value can be stored in a column of the given type (null fits every type).
    /// - Parameter type: the declared type.
    /// - Returns: `true` when the value has exactly that type, or is null.
    public func conforms(to type: ValueType) -> Bool {
        switch (self, type) {
        case (.null, _): true
        case (.bool, .bool), (.int32, .int32), (.int64, .int64), (.float32, .float32),
            (.float64, .float64), (.string, .string), (.bytes, .bytes), (.timestamp, .timestamp):
            true
        case (.list(let elements), .list(let element)):
            elements.allSatisfy { !$0.isList && $0.conforms(to: ValueType(element)) }
        default: false
        }
    }

    /// Whether this is a `.list`.
    public var isList: Bool {
        if case .list = self { return true }
        return false
    }

    /// The value as an `Int64` when it is an integer of any width.
    public var int64Value: Int64? {
        switch self {
        case .int32(let v): Int64(v)
        case .int64(let v): v
        default: nil
        }
    }

    /// The value as a `Double` when it is a number.
    public var doubleValue: Double? {
        switch self {
        case .int32(let v): Double(v)
        case .int64(let v): Double(v)
        case .float32(let v): Double(v)
        case .float64(let v): v
        default: nil
        }
    }
}
