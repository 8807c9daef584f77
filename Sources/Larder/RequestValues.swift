public import LarderCore
import LarderStores

/// Request field values as on-demand features read them: found by name among the request's
/// columns and converted to the field's declared type.
public enum RequestValues {
    /// The values of a request field, converted to its type.
    /// - Parameters:
    ///   - field: the field and its type.
    ///   - columns: the request's `request_data` columns, looked up first.
    ///   - more: the request's entity columns, looked up next.
    ///   - rowCount: the number of entity rows.
    /// - Returns: one value per entity row.
    /// - Throws: ``RequestDataError`` when no column has the name, it has another number of
    ///   rows, or a value does not fit the type.
    public static func column(
        _ field: RequestField, in columns: [EntityColumn], or more: [EntityColumn] = [], rowCount: Int
    ) throws -> [Value] {
        guard
            let column = columns.first(where: { $0.name == field.name }) ?? more.first(where: { $0.name == field.name })
        else {
            throw RequestDataError(
                field: field.name,
                "is missing; an on-demand feature needs it (\(field.type)), as a column next to the entity keys or in 'request_data'"
            )
        }
        guard column.values.count == rowCount else {
            throw RequestDataError(
                field: field.name, "has \(column.values.count) values; the request has \(rowCount) entity rows")
        }
        if column.values.allSatisfy({ $0.conforms(to: field.type) }) { return column.values }
        return try column.values.enumerated().map { row, value in
            guard let converted = convert(value, to: field.type) else {
                throw RequestDataError(
                    field: field.name, "value \(value.briefDescription) at row \(row) is not a \(field.type)")
            }
            return converted
        }
    }

    /// A value converted to a request field's type, or `nil` when it does not fit: integers
    /// fit integer and float fields, any number fits a float field, RFC 3339 text or whole
    /// seconds since the epoch fit a timestamp field.
    /// - Parameters:
    ///   - value: the value as the request has it.
    ///   - type: the field's type.
    /// - Returns: the value of that type, or null for null.
    public static func convert(_ value: Value, to type: ValueType) -> Value? {
        if value.isNull { return .null }
        switch (type, value) {
        case (.float64, _): return value.doubleValue.map(Value.float64)
        case (.float32, _): return value.doubleValue.map { .float32(Float($0)) }
        case (.int64, _): return value.int64Value.map(Value.int64)
        case (.int32, _): return value.int64Value.flatMap(Int32.init(exactly:)).map(Value.int32)
        case (.timestamp, .string(let text)): return Timestamp(parsing: text).map(Value.timestamp)
        case (.timestamp, _):
            guard let seconds = value.int64Value else { return value.conforms(to: .timestamp) ? value : nil }
            let (nanoseconds, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
            return overflow ? nil : .timestamp(Timestamp(nanosecondsSinceEpoch: nanoseconds))
        default: return value.conforms(to: type) ? value : nil
        }
    }

    /// A value parsed from command-line text (`--request amount=12.5`) for a field's type.
    /// - Parameters:
    ///   - text: the text.
    ///   - type: the field's type.
    /// - Returns: the value, or `nil` when the text does not parse as that type.
    public static func parse(_ text: String, as type: ValueType) -> Value? {
        switch type {
        case .bool: ["true": Value.bool(true), "false": .bool(false)][text]
        case .int32: Int32(text).map(Value.int32)
        case .int64: Int64(text).map(Value.int64)
        case .float32: Float(text).map(Value.float32)
        case .float64: Double(text).map(Value.float64)
        case .string: .string(text)
        case .timestamp: Timestamp(parsing: text).map(Value.timestamp)
        default: nil
        }
    }
}
