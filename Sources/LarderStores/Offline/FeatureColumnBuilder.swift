package import LarderCore
package import LarderFormats

/// Accumulates the values of one output feature column, read from a store, and
/// turns them into a ``Column`` of the type that holds the declared type exactly (timestamps
/// in nanoseconds).
package struct FeatureColumnBuilder {
    /// The column's name.
    package let name: String
    /// The declared type.
    package let type: ValueType
    // One of these holds the values, according to `type`; separate stored arrays (rather than
    // an enum payload) let appends happen in place.
    package var integers: [Int64] = []
    package var int32s: [Int32] = []
    package var doubles: [Double] = []
    package var floats: [Float] = []
    package var bools: [Bool] = []
    package var binary = BinaryValues()
    package var listOffsets: [Int] = [0]
    package var elements: [FeatureColumnBuilder] = []
    package var validity: [Bool] = []
    package var hasNull = false

    /// An empty builder.
    /// - Parameters:
    ///   - name: the output column's name.
    ///   - type: the feature's declared type.
    package init(name: String, type: ValueType) {
        self.name = name
        self.type = type
        if case .list(let element) = type {
            elements = [FeatureColumnBuilder(name: "element", type: ValueType(element))]
        }
    }

    /// An empty builder for more rows of a column another builder built.
    /// - Parameter column: the built column (its name and type are taken).
    package init(column: Column) {
        self.init(name: column.name, type: column.type.valueType ?? .string)
    }

    /// The column type of the built column.
    package static func columnType(for type: ValueType) -> ColumnType {
        switch type {
        case .timestamp: .timestamp(.nanoseconds, utcAdjusted: true)
        case .list(let element): .list(columnType(for: ValueType(element)))
        default: ColumnType(type)
        }
    }

    /// Appends a null.
    package mutating func appendNull() {
        hasNull = true
        validity.append(false)
        switch type {
        case .int64, .timestamp: integers.append(0)
        case .int32: int32s.append(0)
        case .float64: doubles.append(0)
        case .float32: floats.append(0)
        case .bool: bools.append(false)
        case .string, .bytes: binary.offsets.append(binary.data.count)
        case .list: listOffsets.append(listOffsets[listOffsets.count - 1])
        }
    }

    /// Appends row `row` of a column this builder's type built (copying a winner's value).
    /// - Parameters:
    ///   - column: a column built by a builder of the same type.
    ///   - row: the row to copy.
    package mutating func appendRow(of column: Column, at row: Int) {
        if column.isNull(at: row) { return appendNull() }
        switch column.storage {
        case .int64(let v): integers.append(v[row])
        case .int32(let v): int32s.append(v[row])
        case .float64(let v): doubles.append(v[row])
        case .float32(let v): floats.append(v[row])
        case .bool(let v): bools.append(v[row])
        case .binary(let v): binary.append(v[row])
        case .list, .uint64: return append(column.value(at: row))
        }
        validity.append(true)
    }

    /// Appends a value of the declared type (a list element, or a whole list).
    /// - Parameter value: the value; anything not of the declared type appends a null.
    package mutating func append(_ value: Value) {
        switch (type, value) {
        case (.int64, .int64(let v)): integers.append(v)
        case (.timestamp, .timestamp(let v)): integers.append(v.nanosecondsSinceEpoch)
        case (.int32, .int32(let v)): int32s.append(v)
        case (.float64, .float64(let v)): doubles.append(v)
        case (.float32, .float32(let v)): floats.append(v)
        case (.bool, .bool(let v)): bools.append(v)
        case (.string, .string(let v)):
            binary.append(v.utf8)
        case (.bytes, .bytes(let v)):
            binary.append(v)
        case (.list, .list(let values)): append(list: values)
        default: return appendNull()
        }
        validity.append(true)
    }

    package mutating func append(list values: [Value]) {
        for value in values { elements[0].append(value) }
        listOffsets.append(listOffsets[listOffsets.count - 1] + values.count)
    }

    /// The column built so far; the builder is left empty.
    /// - Returns: the column.
    package mutating func build() -> Column {
        let storage: ColumnStorage
        switch type {
        case .int64, .timestamp: storage = .int64(integers)
        case .int32: storage = .int32(int32s)
        case .float64: storage = .float64(doubles)
        case .float32: storage = .float32(floats)
        case .bool: storage = .bool(bools)
        case .string, .bytes: storage = .binary(binary)
        case .list: storage = .list(offsets: listOffsets, elements: elements[0].build())
        }
        let column = Column(
            name: name, type: Self.columnType(for: type), storage: storage, validity: hasNull ? validity : nil)
        self = FeatureColumnBuilder(name: name, type: type)
        return column
    }
}
