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
    /// Finds the record that starts at the current position and the spans of its fields.
    mutating func scan() -> CSVScanOutcome {
        let (bytes, begin, end, atEndOfFile) = scanWindow
        clearFields()
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
                            ? .malformed(
                                offset: opening, message: "a quoted field is not closed before the end of the file")
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
                appendField(CSVFieldSpan(start: opening + 1, end: cursor, quoted: true, escaped: escaped))
                fieldEnd = cursor + 1
                if fieldEnd < end {
                    let next = bytes[fieldEnd]
                    guard next == comma || next == lineFeed || next == carriageReturn else {
                        return .malformed(
                            offset: fieldEnd,
                            message: "unexpected text after the closing quote of a field"
                                + " (a quote inside a quoted field is written as \"\")")
                    }
                }
            } else {
                fieldEnd = Self.delimiter(in: bytes, from: index, to: end)
                appendField(CSVFieldSpan(start: index, end: fieldEnd, quoted: false, escaped: false))
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

    /// The index of the first comma, LF or CR at or after `start`, or `end` when there is
    /// none. Eight bytes are tested at a time: a byte equal to the one sought becomes zero
    /// after an XOR, and the zero-byte test sets the high bit of exactly those bytes.
    @inline(__always)
    static func delimiter(in bytes: UnsafeMutablePointer<UInt8>, from start: Int, to end: Int) -> Int {
        let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let commas: UInt64 = 0x2C2C_2C2C_2C2C_2C2C
        let lineFeeds: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
        let carriageReturns: UInt64 = 0x0D0D_0D0D_0D0D_0D0D
        var cursor = start
        let raw = UnsafeRawPointer(bytes)
        while cursor + 8 <= end {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: cursor, as: UInt64.self))
            let a = word ^ commas
            let b = word ^ lineFeeds
            let c = word ^ carriageReturns
            let zeroA = ~(((a & lowBits) &+ lowBits) | a | lowBits)
            let zeroB = ~(((b & lowBits) &+ lowBits) | b | lowBits)
            let zeroC = ~(((c & lowBits) &+ lowBits) | c | lowBits)
            let found = zeroA | zeroB | zeroC
            if found != 0 { return cursor + found.trailingZeroBitCount / 8 }
            cursor += 8
        }
        while cursor < end {
            let byte = bytes[cursor]
            if byte == comma || byte == lineFeed || byte == carriageReturn { return cursor }
            cursor += 1
        }
        return end
    }
}
