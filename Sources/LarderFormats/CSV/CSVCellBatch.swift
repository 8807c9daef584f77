/// A batch of a CSV file's rows split into cells but not yet converted: per wanted column,
/// the cells' bytes end to end (doubled quotes undone), and where each row starts in the file.
/// One thread splits the file into these while another converts the previous batch.
struct CSVCellBatch: Sendable {
    /// Per wanted column, its cells' bytes, end to end.
    private(set) var bytes: [[UInt8]]
    /// Per wanted column, where each cell ends in ``bytes``.
    private(set) var ends: [[Int]]
    /// Per wanted column, whether each cell was quoted.
    private(set) var quoted: [[Bool]]
    /// The physical line on which each row starts.
    private(set) var lines: [Int] = []
    /// The physical line of the cells that start on a later line than their row (after a
    /// quoted line break), by `row * columnCount + column`.
    private var laterLines: [Int: Int] = [:]

    /// The number of rows.
    var rowCount: Int { lines.count }

    /// An empty batch.
    /// - Parameters:
    ///   - columnCount: the number of wanted columns.
    ///   - capacity: the rows it will hold.
    init(columnCount: Int, capacity: Int) {
        bytes = Array(repeating: [], count: columnCount)
        ends = (0..<columnCount).map { _ in
            var ends: [Int] = []
            ends.reserveCapacity(capacity)
            return ends
        }
        quoted = (0..<columnCount).map { _ in
            var quoted: [Bool] = []
            quoted.reserveCapacity(capacity)
            return quoted
        }
        lines.reserveCapacity(capacity)
    }

    /// Adds the current record of a stream as the next row.
    /// - Parameters:
    ///   - stream: the stream, on a record with every field.
    ///   - fields: the record's field of each wanted column.
    mutating func append(_ stream: inout CSVRecordStream, fields: [Int]) {
        let row = lines.count
        let spansLines = stream.recordLineBreaks > 1
        for (column, field) in fields.enumerated() {
            bytes[column].append(contentsOf: stream.fieldBytes(field))
            ends[column].append(bytes[column].count)
            quoted[column].append(stream.field(field).quoted)
            if spansLines {
                let line = stream.line(ofField: field)
                if line != stream.recordLine { laterLines[row * fields.count + column] = line }
            }
        }
        lines.append(stream.recordLine)
    }

    /// Calls `body` with each cell of a column, in row order, until it throws.
    /// - Parameters:
    ///   - column: the wanted column.
    ///   - body: receives the cell's bytes and whether it was quoted.
    /// - Returns: the row whose cell `body` threw for, with the error; `nil` when none did.
    func forEachCell<Failure: Error>(
        of column: Int, _ body: (UnsafeBufferPointer<UInt8>, Bool) throws(Failure) -> Void
    ) -> (row: Int, error: Failure)? {
        bytes[column].withUnsafeBufferPointer { bytes in
            let ends = ends[column]
            let quoted = quoted[column]
            var start = 0
            for row in ends.indices {
                do throws(Failure) {
                    try body(UnsafeBufferPointer(rebasing: bytes[start..<ends[row]]), quoted[row])
                } catch {
                    return (row, error)
                }
                start = ends[row]
            }
            return nil
        }
    }

    /// The physical line on which a cell starts.
    func line(row: Int, column: Int) -> Int {
        laterLines[row * ends.count + column] ?? lines[row]
    }
}
