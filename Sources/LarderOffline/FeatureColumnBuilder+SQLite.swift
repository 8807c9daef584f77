import LarderCore
import LarderStores

extension FeatureColumnBuilder {
    /// Appends result column `index` of the statement's current row.
    /// - Parameters:
    ///   - statement: a statement positioned on a row.
    ///   - index: the result column, from 0.
    mutating func append(from statement: SQLiteStatement, column index: Int32) {
        if statement.isNull(at: index) { return appendNull() }
        switch type {
        case .int64, .timestamp: integers.append(statement.int64(at: index))
        case .int32: int32s.append(Int32(truncatingIfNeeded: statement.int64(at: index)))
        case .float64: doubles.append(statement.double(at: index))
        case .float32: floats.append(Float(statement.double(at: index)))
        case .bool: bools.append(statement.int64(at: index) != 0)
        case .string, .bytes:
            statement.withBytes(at: index) { binary.data.append(contentsOf: $0) }
            binary.offsets.append(binary.data.count)
        case .list:
            guard case .list(let values) = statement.value(at: index, as: type) else { return appendNull() }
            append(list: values)
        }
        validity.append(true)
    }
}
