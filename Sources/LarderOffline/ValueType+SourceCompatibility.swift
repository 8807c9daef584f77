internal import LarderCore
internal import LarderFormats

extension ValueType {
    /// Whether a file column of the given type can be stored as this declared type without
    /// loss: the same type, a narrower integer into `int64`, `float32` or a decimal into
    /// `float64`, a date into a timestamp, and lists whose elements convert that way.
    /// - Parameter fileType: the column's type in the file.
    /// - Returns: `true` when every value converts exactly.
    func accepts(_ fileType: ColumnType) -> Bool {
        guard let found = fileType.valueType else { return false }
        switch (self, found) {
        case (.int64, .int32), (.float64, .float32): return true
        case (.list(let declared), .list(let element)):
            guard case .list(let elementType) = fileType else { return false }
            return declared == element || ValueType(declared).accepts(elementType)
        default: return self == found
        }
    }

    /// Whether an entity column of type `other` can be matched against a join key of this
    /// type: integers of any width match each other; other types match only themselves.
    /// - Parameter other: the entity column's value type.
    /// - Returns: `true` when values of the two types compare.
    func joins(with other: ValueType) -> Bool {
        switch (self, other) {
        case (.int32, .int64), (.int64, .int32): true
        default: self == other
        }
    }
}
