/// How ``ParquetWriter`` stores one column: its schema elements, physical type and levels.
struct ParquetColumnPlan: Sendable {
    /// The column's name.
    var name: String
    /// The column's type.
    var type: ColumnType
    /// Whether rows may be null.
    var nullable: Bool
    /// The type of the stored values (the element type of a list).
    var valueType: ColumnType
    /// The leaf's physical type.
    var physical: ParquetPhysicalType
    /// The byte length of FIXED_LEN_BYTE_ARRAY values.
    var fixedLength: Int?
    /// The schema elements, top-level first.
    var elements: [ParquetSchemaElement]
    /// The names from the top-level field to the leaf.
    var path: [String]
    /// The definition level of a present value.
    var maxDefinitionLevel: Int
    /// 1 for lists, 0 otherwise.
    var maxRepetitionLevel: Int

    /// Plans a column; lists are written in the standard three-level layout with nullable
    /// elements: `<name> (LIST) { repeated group list { optional <type> element } }`.
    /// - Parameter column: the column's schema.
    /// - Throws: ``FormatError`` naming the column when its type cannot be written.
    init(_ column: ColumnSchema, file: String) throws {
        name = column.name
        type = column.type
        nullable = column.nullable
        let repetition: ParquetRepetition = column.nullable ? .optional : .required
        if case .list(let element) = column.type {
            if case .list = element {
                throw FormatError(file: file, column: column.name, "lists of lists cannot be written to Parquet")
            }
            valueType = element
            var leaf = try Self.leafElement(for: element, name: "element", file: file, column: column.name)
            leaf.element.repetition = .optional
            physical = leaf.physical
            fixedLength = leaf.fixedLength
            var top = ParquetSchemaElement(name: column.name)
            top.repetition = repetition
            top.numChildren = 1
            top.convertedType = .list
            top.logicalType = .list
            var middle = ParquetSchemaElement(name: "list")
            middle.repetition = .repeated
            middle.numChildren = 1
            elements = [top, middle, leaf.element]
            path = [column.name, "list", "element"]
            maxDefinitionLevel = (column.nullable ? 1 : 0) + 2
            maxRepetitionLevel = 1
        } else {
            valueType = column.type
            var leaf = try Self.leafElement(for: column.type, name: column.name, file: file, column: column.name)
            leaf.element.repetition = repetition
            physical = leaf.physical
            fixedLength = leaf.fixedLength
            elements = [leaf.element]
            path = [column.name]
            maxDefinitionLevel = column.nullable ? 1 : 0
            maxRepetitionLevel = 0
        }
    }

    /// The bytes a decimal of `precision` digits needs as big-endian two's complement.
    static func decimalByteWidth(precision: Int) -> Int {
        var width = 1
        var limit = 128.0  // 2^(8 * width - 1)
        while limit <= pow10(precision) {
            width += 1
            limit *= 256
        }
        return width
    }

    private static func pow10(_ exponent: Int) -> Double {
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }

    private static func leafElement(
        for type: ColumnType, name: String, file: String, column: String
    ) throws -> (element: ParquetSchemaElement, physical: ParquetPhysicalType, fixedLength: Int?) {
        var element = ParquetSchemaElement(name: name)
        var fixedLength: Int?
        switch type {
        case .bool: element.type = .boolean
        case .int(let bits, let signed):
            element.type = bits == 64 ? .int64 : .int32
            if bits != 32 && bits != 64 || !signed {
                element.logicalType = .integer(bitWidth: Int8(bits), signed: signed)
                let converted: [Int: ParquetConvertedType] =
                    signed
                    ? [8: .int8, 16: .int16, 32: .int32, 64: .int64]
                    : [8: .uint8, 16: .uint16, 32: .uint32, 64: .uint64]
                element.convertedType = converted[bits]
            }
        case .float32: element.type = .float
        case .float64: element.type = .double
        case .string:
            element.type = .byteArray
            element.logicalType = .string
            element.convertedType = .utf8
        case .bytes(let length):
            if let length {
                guard length > 0 else {
                    throw FormatError(file: file, column: column, "fixed-length bytes must be at least 1 byte long")
                }
                element.type = .fixedLenByteArray
                element.typeLength = Int32(length)
                fixedLength = length
            } else {
                element.type = .byteArray
            }
        case .date:
            element.type = .int32
            element.logicalType = .date
            element.convertedType = .date
        case .timestamp(let unit, _):
            element.type = .int64
            let stored: TimeUnit = unit == .nanoseconds ? .nanoseconds : .microseconds
            element.logicalType = .timestamp(utcAdjusted: true, unit: stored)
            if stored == .microseconds { element.convertedType = .timestampMicros }
        case .decimal(let precision, let scale):
            guard precision >= 1, precision <= 38, scale >= 0, scale <= precision else {
                throw FormatError(
                    file: file, column: column,
                    "decimal(\(precision),\(scale)) cannot be written; precision must be 1...38")
            }
            element.logicalType = .decimal(scale: Int32(scale), precision: Int32(precision))
            element.convertedType = .decimal
            element.scale = Int32(scale)
            element.precision = Int32(precision)
            if precision <= 18 {
                element.type = .int64
            } else {
                element.type = .fixedLenByteArray
                fixedLength = decimalByteWidth(precision: precision)
                element.typeLength = Int32(fixedLength!)
            }
        case .list:
            throw FormatError(file: file, column: column, "lists of lists cannot be written to Parquet")
        }
        return (element, element.type!, fixedLength)
    }
}
