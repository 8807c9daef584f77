/// A table of text laid out in aligned columns for a terminal, as `larder cat` shows rows and
/// schemas:
///
/// ```
/// user_id  amount  category
/// -------  ------  -----------
///       1    12.5  category_03
/// ```
///
/// Numbers are right-aligned; nulls show as `null`; line breaks and tabs inside a cell show
/// as `\n` and `\t`; cells longer than ``maxCellWidth`` characters are cut with `…`.
public struct TextTable: Sendable {
    /// The column headers.
    public let headers: [String]
    /// The rows, one string per column.
    public private(set) var rows: [[String]] = []
    /// The widest a cell is shown, in characters.
    public var maxCellWidth = 40
    private var rightAligned: [Bool]

    /// An empty table.
    /// - Parameters:
    ///   - headers: the column headers.
    ///   - rightAligned: which columns to right-align (default none).
    public init(headers: [String], rightAligned: [Bool] = []) {
        self.headers = headers
        self.rightAligned = headers.indices.map { $0 < rightAligned.count ? rightAligned[$0] : false }
    }

    /// Appends a row of cells.
    /// - Parameter cells: one per column.
    public mutating func appendRow(_ cells: [String]) {
        rows.append(cells)
    }

    /// Appends rows of a batch, numeric columns right-aligned.
    /// - Parameters:
    ///   - batch: rows whose columns match the headers.
    ///   - limit: the most rows to append.
    /// - Returns: how many rows were appended.
    @discardableResult
    public mutating func appendRows(of batch: ColumnBatch, limit: Int = .max) -> Int {
        for (index, column) in batch.columns.enumerated() where index < rightAligned.count {
            switch column.type {
            case .int, .float32, .float64, .decimal: rightAligned[index] = true
            default: break
            }
        }
        let count = min(batch.rowCount, max(limit, 0))
        var text: [UInt8] = []
        for row in 0..<count {
            rows.append(
                batch.columns.map { column in
                    guard !column.isNull(at: row) else { return "null" }
                    text.removeAll(keepingCapacity: true)
                    column.appendText(at: row, style: .plain, into: &text)
                    return String(decoding: text, as: UTF8.self)
                })
        }
        return count
    }

    /// The table as lines of text: the headers, a rule, then the rows.
    /// - Returns: the text, each line ended by a newline.
    public func rendered() -> String {
        let shownHeaders = headers.map(shown)
        let shownRows = rows.map { $0.map(shown) }
        var widths = shownHeaders.map(\.count)
        for row in shownRows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        var text = line(shownHeaders, widths: widths, rightAligned: rightAligned.map { _ in false })
        text += line(widths.map { String(repeating: "-", count: $0) }, widths: widths, rightAligned: rightAligned)
        for row in shownRows { text += line(row, widths: widths, rightAligned: rightAligned) }
        return text
    }

    private func line(_ cells: [String], widths: [Int], rightAligned: [Bool]) -> String {
        var parts: [String] = []
        for (index, width) in widths.enumerated() {
            let cell = index < cells.count ? cells[index] : ""
            let padding = String(repeating: " ", count: width - cell.count)
            let isLast = index == widths.count - 1
            parts.append(rightAligned[index] ? padding + cell : (isLast ? cell : cell + padding))
        }
        return parts.joined(separator: "  ") + "\n"
    }

    /// A cell as shown: control characters made visible and long text cut.
    private func shown(_ cell: String) -> String {
        var result = ""
        for character in cell {
            switch character {
            case "\n", "\r\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result.append(character)
            }
        }
        return result.count > maxCellWidth ? String(result.prefix(max(maxCellWidth - 1, 1))) + "…" : result
    }
}
