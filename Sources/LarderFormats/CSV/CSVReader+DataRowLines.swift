extension CSVReader {
    /// The physical lines on which data rows start, for messages about rows found after
    /// reading (the rows a data-quality check refused).
    ///
    /// Rows are counted as the reader counts them: from 0, after the header, skipping blank
    /// lines; lines count the line breaks inside quoted fields, from 1.
    /// - Parameters:
    ///   - path: the CSV file.
    ///   - rows: the data rows to find.
    /// - Returns: the line of each row found (a row past the end is absent).
    /// - Throws: ``FormatError`` when the file cannot be read or is malformed.
    public static func lines(ofDataRows rows: Set<Int>, in path: String) throws -> [Int: Int] {
        guard let last = rows.max() else { return [:] }
        var stream = try CSVRecordStream(path: path, chunkSize: 1 << 20)
        let names = try readHeader(&stream)
        var lines: [Int: Int] = [:]
        var row = 0
        while row <= last, try stream.nextRecord() {
            guard try acceptRecord(stream, names: names) else { continue }
            if rows.contains(row) { lines[row] = stream.recordLine }
            row += 1
        }
        return lines
    }

}
