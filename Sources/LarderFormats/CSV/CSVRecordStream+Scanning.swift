/// What scanning for one record found.
enum CSVScanOutcome {
    /// A whole record; the next one starts at `next`, and it spans `lineBreaks` line breaks
    /// (its terminator included).
    case record(next: Int, lineBreaks: Int)
    /// The buffer ends inside the record: read more and scan again.
    case incomplete
    /// No bytes are left.
    case endOfInput
    /// The record is not valid CSV at the byte `offset`.
    case malformed(offset: Int, message: String)
}

private let comma = UInt8(ascii: ",")
private let quote = UInt8(ascii: "\"")
private let lineFeed: UInt8 = 0x0A
private let carriageReturn: UInt8 = 0x0D

extension CSVRecordStream {
    /// Finds the record that starts at `begin` and the spans of its fields.
    /// - Parameters:
    ///   - bytes: the buffer.
    ///   - begin: where the record starts.
    ///   - end: one past the last valid byte.
    ///   - atEndOfFile: whether no bytes follow `end`.
    ///   - fields: receives the fields' spans (emptied first).
    static func scan(
        _ bytes: UnsafeMutablePointer<UInt8>, from begin: Int, to end: Int, atEndOfFile: Bool,
        fields: inout [CSVFieldSpan]
    ) -> CSVScanOutcome {
        fields.removeAll(keepingCapacity: true)
        guard begin < end else { return atEndOfFile ? .endOfInput : .incomplete }
        var index = begin
        var lineBreaks = 0
        while true {
            var fieldEnd: Int
            if index < end, bytes[index] == quote {
                let opening = index
                var cursor = index + 1
                var escaped = false
                while true {
                    guard cursor < end else {
                        return atEndOfFile
                            ? .malformed(offset: opening, message: "a quoted field is not closed before the end of the file")
                            : .incomplete
                    }
                    let byte = bytes[cursor]
                    if byte == quote {
                        guard cursor + 1 < end || atEndOfFile else { return .incomplete }
                        if cursor + 1 < end, bytes[cursor + 1] == quote {
                            escaped = true
                            cursor += 2
                            continue
                        }
                        break
                    }
                    if byte == lineFeed {
                        lineBreaks += 1
                    } else if byte == carriageReturn {
                        guard cursor + 1 < end || atEndOfFile else { return .incomplete }
                        if cursor + 1 >= end || bytes[cursor + 1] != lineFeed { lineBreaks += 1 }
                    }
                    cursor += 1
                }
                fields.append(CSVFieldSpan(start: opening + 1, end: cursor, quoted: true, escaped: escaped))
                fieldEnd = cursor + 1
                if fieldEnd < end {
                    let next = bytes[fieldEnd]
                    guard next == comma || next == lineFeed || next == carriageReturn else {
                        return .malformed(
                            offset: fieldEnd,
                            message: "unexpected text after the closing quote of a field (a quote inside a quoted field is written as \"\")")
                    }
                }
            } else {
                var cursor = index
                while cursor < end {
                    let byte = bytes[cursor]
                    if byte == comma || byte == lineFeed || byte == carriageReturn { break }
                    cursor += 1
                }
                fields.append(CSVFieldSpan(start: index, end: cursor, quoted: false, escaped: false))
                fieldEnd = cursor
            }
            guard fieldEnd < end else {
                return atEndOfFile ? .record(next: end, lineBreaks: lineBreaks) : .incomplete
            }
            switch bytes[fieldEnd] {
            case comma:
                index = fieldEnd + 1
            case lineFeed:
                return .record(next: fieldEnd + 1, lineBreaks: lineBreaks + 1)
            default:
                if fieldEnd + 1 < end {
                    let next = bytes[fieldEnd + 1] == lineFeed ? fieldEnd + 2 : fieldEnd + 1
                    return .record(next: next, lineBreaks: lineBreaks + 1)
                }
                return atEndOfFile ? .record(next: fieldEnd + 1, lineBreaks: lineBreaks + 1) : .incomplete
            }
        }
    }
}
