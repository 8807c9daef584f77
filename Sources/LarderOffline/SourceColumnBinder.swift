internal import LarderCore
internal import LarderFormats
import LarderStores

/// Binds the values of one column of a source batch to one parameter of the insert, converting
/// them to the store's representation of the declared type without going through ``Value``
/// for the common layouts.
struct SourceColumnBinder {
    private enum Values {
        case int64([Int64])
        case int32([Int32])
        case uint64([UInt64])
        /// Timestamps in a unit: value × nanoseconds per unit.
        case scaled([Int64], by: Int64)
        /// Dates: days since the epoch.
        case days([Int32])
        case float64([Double])
        case float32([Float])
        case bool([Bool])
        case text(BinaryValues)
        case blob(BinaryValues)
        /// Anything else (decimals, lists): through ``Column/value(at:)``.
        case generic(Column)
    }

    private let values: Values
    private let validity: [Bool]?
    private let declared: ValueType
    private let parameter: Int32

    /// A binder for a source column.
    /// - Parameters:
    ///   - column: the batch's column.
    ///   - declared: the type Larder stores it as; the column's type must be accepted by it.
    ///   - parameter: the insert's parameter, from 1.
    init(column: Column, declared: ValueType, parameter: Int32) {
        self.validity = column.validity
        self.declared = declared
        self.parameter = parameter
        switch (declared, column.type, column.storage) {
        case (.timestamp, .timestamp(let unit, _), .int64(let v)): values = .scaled(v, by: unit.nanoseconds)
        case (.timestamp, .date, .int32(let v)): values = .days(v)
        case (.int32, _, .int32(let v)), (.int64, _, .int32(let v)): values = .int32(v)
        case (.int64, .int, .int64(let v)): values = .int64(v)
        case (.int64, .int, .uint64(let v)): values = .uint64(v)
        case (.float64, .float64, .float64(let v)): values = .float64(v)
        case (.float64, .float32, .float32(let v)), (.float32, .float32, .float32(let v)): values = .float32(v)
        case (.bool, .bool, .bool(let v)): values = .bool(v)
        case (.string, .string, .binary(let v)): values = .text(v)
        case (.bytes, .bytes, .binary(let v)): values = .blob(v)
        default: values = .generic(column)
        }
    }

    /// Binds row `row` of the column.
    /// - Parameters:
    ///   - row: the row within the batch.
    ///   - statement: the insert.
    /// - Returns: `false` when the value is null (NULL is bound).
    /// - Throws: ``SQLiteError``; a message (``ValueOutOfRange``) when the value cannot be
    ///   stored in the declared type.
    func bind(row: Int, to statement: SQLiteStatement) throws -> Bool {
        if let validity, !validity[row] {
            try statement.bindNull(at: parameter)
            return false
        }
        switch values {
        case .int64(let v): try statement.bind(v[row], at: parameter)
        case .int32(let v): try statement.bind(Int64(v[row]), at: parameter)
        case .uint64(let v):
            guard let value = Int64(exactly: v[row]) else { throw ValueOutOfRange("\(v[row]) does not fit in int64") }
            try statement.bind(value, at: parameter)
        case .scaled(let v, let factor):
            let (nanoseconds, overflow) = v[row].multipliedReportingOverflow(by: factor)
            guard !overflow else { throw ValueOutOfRange("timestamp \(v[row]) is outside the years 1677-2262") }
            try statement.bind(nanoseconds, at: parameter)
        case .days(let v): try statement.bind(Int64(v[row]) * 86_400_000_000_000, at: parameter)
        case .float64(let v): try statement.bind(v[row], at: parameter)
        case .float32(let v): try statement.bind(Double(v[row]), at: parameter)
        case .bool(let v): try statement.bind(Int64(v[row] ? 1 : 0), at: parameter)
        case .text(let v): try bindBytes(v, row: row, to: statement, asText: true)
        case .blob(let v): try bindBytes(v, row: row, to: statement, asText: false)
        case .generic(let column):
            let value = column.value(at: row)
            guard try statement.bind(value, as: declared, at: parameter) else {
                if value.isNull { return false }
                throw ValueOutOfRange("\(value) cannot be stored as \(declared)")
            }
        }
        return true
    }

    private func bindBytes(_ values: BinaryValues, row: Int, to statement: SQLiteStatement, asText: Bool) throws {
        let start = values.offsets[row]
        let end = values.offsets[row + 1]
        try values.data.withUnsafeBufferPointer { buffer in
            let slice = UnsafeBufferPointer(rebasing: buffer[start..<end])
            if asText {
                try statement.bindText(slice, at: parameter)
            } else {
                try statement.bindBlob(UnsafeRawBufferPointer(slice), at: parameter)
            }
        }
    }
}

/// A source value that the declared type cannot hold.
struct ValueOutOfRange: Error {
    /// What is wrong with the value.
    var message: String

    init(_ message: String) {
        self.message = message
    }
}
