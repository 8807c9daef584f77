package import LarderCore

extension Value {
    /// The value as a store keeps it for a declared type: the same value, an integer of the
    /// other width when it fits, a `float32` widened for a `float64` feature, list elements
    /// converted alike; `nil` when it does not fit. Null stays null.
    /// - Parameter type: the declared type.
    /// - Returns: the stored value, or `nil`.
    package func stored(as type: ValueType) -> Value? {
        switch (type, self) {
        case (_, .null): return .null
        case (.bool, .bool), (.int32, .int32), (.int64, .int64), (.float32, .float32), (.float64, .float64),
            (.string, .string), (.bytes, .bytes), (.timestamp, .timestamp):
            return self
        case (.int32, .int64(let number)): return Int32(exactly: number).map(Value.int32)
        case (.int64, .int32(let number)): return .int64(Int64(number))
        case (.float64, .float32(let number)): return .float64(Double(number))
        case (.list(let element), .list(let elements)):
            return Self.list(elements) { $0.stored(as: ValueType(element)) }
        default: return nil
        }
    }
}
