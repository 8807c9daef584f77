import LarderCore
import Testing
import LarderFormats

/// A table held in memory as columns of values, served by a `TableReader` in batches of a
/// chosen size: the reference reader for store tests.
final class MemoryTableReader: TableReader {
    let path: String
    let schema: TableSchema
    private let rows: [[Value]]
    private let batchSize: Int
    private let failure: FormatError?

    /// A table of rows; `columns` gives each column's name and file type. With `failure`, the
    /// reader throws it instead of returning the batch holding row `failure.line - 2` (the
    /// line of a CSV file with a header), as a reader meeting a malformed row does.
    init(
        path: String, columns: [(String, ColumnType)], rows: [[Value]], batchSize: Int = 3, failure: FormatError? = nil
    ) {
        self.path = path
        schema = TableSchema(columns: columns.map { ColumnSchema(name: $0.0, type: $0.1, nullable: true) })
        self.rows = rows
        self.batchSize = batchSize
        self.failure = failure
    }

    func forEachBatch(columns: [String]?, _ body: (ColumnBatch) throws -> Void) throws {
        let wanted = try (columns ?? schema.columns.map(\.name)).map { name in
            guard let index = schema.columns.firstIndex(where: { $0.name == name }) else {
                throw FormatError(file: path, column: name, "no such column")
            }
            return index
        }
        var start = 0
        repeat {
            let end = min(start + batchSize, rows.count)
            if let failure, let line = failure.line, (start..<end).contains(line - 2) { throw failure }
            let batchColumns = wanted.map { index in
                Column.make(
                    name: schema.columns[index].name, type: schema.columns[index].type,
                    values: rows[start..<end].map { $0[index] })
            }
            try body(ColumnBatch(columns: batchColumns, rowCount: end - start))
            start = end
        } while start < rows.count
    }
}

/// A `TableWriter` that keeps what it is given.
final class MemoryTableWriter: TableWriter {
    let schema: TableSchema
    private(set) var batches: [ColumnBatch] = []
    private(set) var closed = false

    init(schema: TableSchema) {
        self.schema = schema
    }

    func write(_ batch: ColumnBatch) throws {
        #expect(batch.columns.map(\.name) == schema.columns.map(\.name))
        batches.append(batch)
    }

    func close() throws {
        closed = true
    }

    /// Every row written, as values.
    var rows: [[Value]] {
        batches.flatMap { batch in
            (0..<batch.rowCount).map { row in batch.columns.map { $0.value(at: row) } }
        }
    }
}

extension Column {
    /// A column of the given file type holding values (integers for integer and timestamp
    /// columns are taken as they come; timestamps are converted to the column's unit).
    static func make(name: String, type: ColumnType, values: [Value]) -> Column {
        let validity = values.map { !$0.isNull }
        let storage: ColumnStorage
        switch type {
        case .bool: storage = .bool(values.map { if case .bool(let v) = $0 { v } else { false } })
        case .int(32, true): storage = .int32(values.map { Int32(truncatingIfNeeded: $0.int64Value ?? 0) })
        case .int: storage = .int64(values.map { $0.int64Value ?? 0 })
        case .float32: storage = .float32(values.map { Float($0.doubleValue ?? 0) })
        case .float64: storage = .float64(values.map { $0.doubleValue ?? 0 })
        case .timestamp(let unit, _):
            storage = .int64(
                values.map {
                    if case .timestamp(let t) = $0 { t.nanosecondsSinceEpoch / unit.nanoseconds } else { 0 }
                })
        case .string, .bytes:
            var binary = BinaryValues()
            for value in values {
                switch value {
                case .string(let text): binary.append(text.utf8)
                case .bytes(let bytes): binary.append(bytes)
                default: binary.append([UInt8]())
                }
            }
            storage = .binary(binary)
        default:
            fatalError("test tables do not use \(type)")
        }
        return Column(name: name, type: type, storage: storage, validity: validity.allSatisfy { $0 } ? nil : validity)
    }
}
