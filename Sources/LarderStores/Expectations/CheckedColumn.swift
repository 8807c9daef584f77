public import LarderCore
public import LarderFormats

/// The values of one column handed to an ``ExpectationChecker``: a column read from a file
/// (checked in its storage, without a `Value` per cell) or values from a push or the store.
public enum CheckedColumn {
    /// A column read from a file.
    case column(Column)
    /// Values, one per row.
    case values([Value])

    /// The number of rows.
    var count: Int {
        switch self {
        case .column(let column): column.count
        case .values(let values): values.count
        }
    }

    /// Whether row `index` is null.
    func isNull(at index: Int) -> Bool {
        switch self {
        case .column(let column): column.isNull(at: index)
        case .values(let values): values[index].isNull
        }
    }

    /// Row `index` as a value.
    func value(at index: Int) -> Value {
        switch self {
        case .column(let column): column.value(at: index)
        case .values(let values): values[index]
        }
    }

    /// The plain numeric storage of a file column whose values are the numbers themselves
    /// (not timestamps, dates or decimals), or `nil`.
    var plainNumbers: ColumnStorage? {
        guard case .column(let column) = self else { return nil }
        switch (column.storage, column.type.valueType) {
        case (.int32, .int32?), (.int32, .int64?), (.int64, .int64?), (.int64, .int32?), (.float32, .float32?),
            (.float64, .float64?):
            return column.storage
        default: return nil
        }
    }

    /// The bytes of a file column of strings, or `nil`.
    var strings: BinaryValues? {
        guard case .column(let column) = self, case .binary(let values) = column.storage, column.type == .string
        else { return nil }
        return values
    }
}
