package import LarderCore
package import LarderFormats

extension ValueType {
    /// Whether a file column of the given type can be stored as this declared type: the
    /// scalar rules of ``ValueType/accepts(_:)-(ValueType)`` (the same type, a wider integer
    /// or float, integers into floats), a date into a timestamp, and lists whose elements
    /// follow the same rules.
    /// - Parameter fileType: the column's type in the file.
    /// - Returns: `true` when every value converts.
    package func accepts(_ fileType: ColumnType) -> Bool {
        guard let found = fileType.valueType else { return false }
        if case .list(let declared) = self, case .list(let element) = fileType {
            return ValueType(declared).accepts(element)
        }
        return accepts(found)
    }

    /// Whether an entity column of type `other` can be matched against a join key of this
    /// type: integers of any width match each other; other types match only themselves.
    /// - Parameter other: the entity column's value type.
    /// - Returns: `true` when values of the two types compare.
    package func joins(with other: ValueType) -> Bool {
        switch (self, other) {
        case (.int32, .int64), (.int64, .int32): true
        default: self == other
        }
    }
}
