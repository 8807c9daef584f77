public import LarderFormats

/// Everything the profile and the drift statistics need from one column: its non-null values
/// (numbers sorted ascending, or a count per category) and how many rows were null.
///
/// Integers, floats and decimals are numeric; strings and booleans (`true`/`false`) are
/// categorical; timestamps, dates, bytes and lists are counted but not summarised. A float NaN
/// counts as null, as pandas counts it.
public struct ColumnSample: Sendable {
    /// How a column is summarised.
    public enum Kind: String, Sendable, Codable {
        case numeric, categorical, other
    }

    /// The column's name.
    public var name: String
    /// The column's type as its file declares it.
    public var type: ColumnType
    /// How it is summarised.
    public var kind: Kind
    /// All rows, null or not.
    public var rowCount = 0
    /// The null rows.
    public var nullCount = 0
    /// The non-null numeric values; sorted ascending once ``finish()`` ran.
    public var numbers: [Double] = []
    /// The count of each non-null category.
    public var categories: [String: Int] = [:]

    /// An empty sample of a column.
    /// - Parameters:
    ///   - name: the column's name.
    ///   - type: its type.
    public init(name: String, type: ColumnType) {
        self.name = name
        self.type = type
        kind = Self.kind(of: type)
    }

    /// How a column type is summarised.
    /// - Parameter type: the type.
    /// - Returns: numeric, categorical or other.
    public static func kind(of type: ColumnType) -> Kind {
        switch type {
        case .int, .float32, .float64, .decimal: .numeric
        case .string, .bool: .categorical
        default: .other
        }
    }

    /// The non-null values.
    public var valueCount: Int { rowCount - nullCount }

    /// Sorts the numbers; call once all batches are added.
    public mutating func finish() {
        RadixSort.sort(&numbers)
    }
}
