/// Writes rows as JSON lines: one JSON object per row, keys in column order, each line ended
/// by LF.
///
/// Values: integers as JSON integers over their full range (int64 and uint64), floats in
/// their shortest form that reads back to the same value (NaN and infinities as `null`, since
/// JSON has no such numbers), decimals as exact decimal numbers, bools, strings with JSON
/// escapes (invalid UTF-8 replaced by U+FFFD), bytes as base64 strings, dates as
/// `"YYYY-MM-DD"`, timestamps as RFC 3339 strings in UTC with as many fraction digits as the
/// column's unit (`"2026-01-02T03:04:05.123456Z"`; naive timestamps without the `Z`), lists as
/// arrays, and nulls as `null`.
public struct JSONLinesEncoder: Sendable {
    /// An encoder.
    public init() {}

    /// Appends rows of a batch, one line each.
    /// - Parameters:
    ///   - batch: the rows.
    ///   - rows: which rows; `nil` for all.
    ///   - output: receives UTF-8 text.
    public func encode(_ batch: ColumnBatch, rows: Range<Int>? = nil, into output: inout [UInt8]) {
        let keys = batch.columns.map { column in
            var key: [UInt8] = []
            JSONStringText.append(column.name.utf8, into: &key)
            key.append(UInt8(ascii: ":"))
            return key
        }
        for row in rows ?? 0..<batch.rowCount {
            output.append(UInt8(ascii: "{"))
            for (index, column) in batch.columns.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                output.append(contentsOf: keys[index])
                column.appendText(at: row, style: .json(nonFiniteAsNull: true), into: &output)
            }
            output.append(contentsOf: [UInt8(ascii: "}"), 0x0A])
        }
    }

    /// The JSON lines of a whole batch as a string.
    /// - Parameter batch: the rows.
    /// - Returns: one line per row, each ended by a newline.
    public func encode(_ batch: ColumnBatch) -> String {
        var output: [UInt8] = []
        encode(batch, into: &output)
        return String(decoding: output, as: UTF8.self)
    }
}
