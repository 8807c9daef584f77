/// Reads a CSV file (RFC 4180) into typed columns, batch by batch.
///
/// - The first record is the header; it names the columns (names must be unique).
/// - Fields may be quoted; quoted fields may hold commas, line breaks and doubled quotes
///   (`""`). Records end with LF, CRLF or CR. A UTF-8 byte order mark is skipped.
/// - Types come from `declaredTypes` for the columns named there, and are inferred from the
///   first `inferenceRows` rows for the others (see ``CSVTypeInference`` for the rule).
///   Every column is nullable.
/// - An empty cell is null; a quoted empty cell (`""`) is an empty string in a string column.
///   Bools are `true`/`false`/`1`/`0` in any case; timestamps are whatever
///   `Timestamp(parsingUTF8:)` accepts (RFC 3339 with `T` or a space, `Z` or offsets, up to
///   nanoseconds, a date alone, epoch seconds), converted to UTC and rounded toward the past
///   to a declared column's unit; bytes are base64; lists are JSON arrays (`[1.0, 2.5]`).
/// - A blank line is skipped, except in a one-column file, where it is a null.
/// - A row with a different number of fields than the header, or a cell that is not a value
///   of its column's type, is a ``FormatError`` naming the file, the physical line (which
///   counts line breaks inside quoted fields) and the column.
///
/// The file is read through one large buffer and parsed in place; memory holds one batch.
public final class CSVReader: TableReader {
    /// The file being read.
    public let path: String
    /// The columns named by the header, with their declared or inferred types.
    public let schema: TableSchema
    /// The most rows in one batch.
    public let batchSize: Int
    /// The rows whose cells decided the inferred types.
    public let inferenceRows: Int
    private let inferredColumns: Set<String>
    /// Bytes read from the file at a time.
    let chunkSize: Int

    /// Opens a CSV file, reads its header and settles every column's type.
    /// - Parameters:
    ///   - path: the file to read.
    ///   - declaredTypes: the types of the columns named here; the rest are inferred.
    ///   - batchSize: the most rows in one batch (at least 1).
    ///   - inferenceRows: how many rows type inference samples.
    /// - Throws: ``FormatError`` when the file cannot be read, is empty, has a duplicate or
    ///   blank header, lacks a declared column, or is malformed within the sampled rows.
    public convenience init(
        path: String, declaredTypes: [String: ColumnType]? = nil, batchSize: Int = 65_536,
        inferenceRows: Int = 10_000
    ) throws {
        try self.init(
            path: path, declaredTypes: declaredTypes, batchSize: batchSize, inferenceRows: inferenceRows,
            chunkSize: 1 << 22)
    }

    /// Opens a CSV file reading `chunkSize` bytes at a time (small sizes test records that
    /// straddle reads).
    init(
        path: String, declaredTypes: [String: ColumnType]? = nil, batchSize: Int = 65_536,
        inferenceRows: Int = 10_000, chunkSize: Int
    ) throws {
        self.path = path
        self.chunkSize = chunkSize
        self.batchSize = max(batchSize, 1)
        self.inferenceRows = max(inferenceRows, 0)
        var stream = try CSVRecordStream(path: path, chunkSize: chunkSize)
        let names = try Self.readHeader(&stream)
        let declared = declaredTypes ?? [:]
        for name in declared.keys.sorted() where !names.contains(name) {
            throw FormatError(
                file: path, line: 1, column: name,
                "the column is declared but missing from the header (columns: \(names.joined(separator: ", ")))")
        }
        var inference = names.map { declared[$0] == nil ? CSVTypeInference() : nil }
        if inference.contains(where: { $0 != nil }) {
            var sampled = 0
            while sampled < self.inferenceRows, try stream.nextRecord() {
                guard try Self.acceptRecord(stream, names: names) else { continue }
                for index in names.indices where inference[index] != nil {
                    inference[index]!.observe(stream.fieldBytes(index))
                }
                sampled += 1
            }
        }
        schema = TableSchema(
            columns: names.indices.map { index in
                ColumnSchema(
                    name: names[index], type: declared[names[index]] ?? inference[index]!.inferredType, nullable: true)
            })
        inferredColumns = Set(names.indices.filter { declared[names[$0]] == nil }.map { names[$0] })
        for column in schema.columns {
            do {
                _ = try CSVColumnBuilder(name: column.name, type: column.type)
            } catch {
                throw FormatError(file: path, column: column.name, "\(error.message) (declared type \(column.type))")
            }
        }
    }

    /// Reads the header record.
    static func readHeader(_ stream: inout CSVRecordStream) throws(FormatError) -> [String] {
        guard try stream.nextRecord() else {
            throw FormatError(file: stream.path, line: 1, "the file is empty; expected a header row naming the columns")
        }
        guard !stream.isBlankLine else {
            throw FormatError(
                file: stream.path, line: 1, "the first line is blank; expected a header row naming the columns")
        }
        var names: [String] = []
        for index in 0..<stream.fieldCount { names.append(String(decoding: stream.fieldBytes(index), as: UTF8.self)) }
        var seen: Set<String> = []
        for name in names where !seen.insert(name).inserted {
            throw FormatError(file: stream.path, line: 1, column: name, "the header names this column twice")
        }
        return names
    }

    /// Whether the current record is a row to read: `false` for a blank line to skip.
    /// - Throws: ``FormatError`` when the row has a different number of fields than the header.
    static func acceptRecord(_ stream: borrowing CSVRecordStream, names: [String]) throws(FormatError) -> Bool {
        let count = stream.fieldCount
        if count == names.count { return true }
        if stream.isBlankLine { return false }
        throw FormatError(
            file: stream.path, line: stream.recordLine, column: count < names.count ? names[count] : nil,
            "the row has \(count) field\(count == 1 ? "" : "s") but the header has \(names.count)")
    }

    /// Whether the column's type was inferred rather than declared.
    func isInferred(_ name: String) -> Bool {
        inferredColumns.contains(name)
    }

    /// The error for a cell that is not a value of its column's type.
    func cellError(_ error: CSVCellError, stream: borrowing CSVRecordStream, field: Int) -> FormatError {
        let name = schema.columns[field].name
        var message = error.message + " (column type \(schema.columns[field].type))"
        if inferredColumns.contains(name) {
            message +=
                "; the type was inferred from the first \(inferenceRows) rows,"
                + " declare the column's type to read it otherwise"
        }
        return FormatError(file: path, line: stream.line(ofField: field), column: name, message)
    }
}

@available(*, unavailable)
extension CSVReader: Sendable {}
