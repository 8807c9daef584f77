/// Where one field of a record lies in the input buffer.
struct CSVFieldSpan {
    /// The first byte of the field's content (after an opening quote).
    var start: Int
    /// One past the last byte of the content (before a closing quote).
    var end: Int
    /// Whether the field was enclosed in quotes.
    var quoted: Bool
    /// Whether the content holds doubled quotes (`""`) that stand for one quote each.
    var escaped: Bool
}

/// Splits a CSV file into records and fields (RFC 4180), reading it through a large buffer
/// and working on the bytes in place.
///
/// Fields are separated by commas; records end with LF, CRLF or a lone CR. A field that starts
/// with a quote runs to the matching quote and may hold commas, line breaks and doubled
/// quotes. A quote inside an unquoted field is an ordinary character. A UTF-8 byte order mark
/// at the start is skipped. Physical line numbers count every line break, including those
/// inside quoted fields, and start at 1.
final class CSVRecordStream {
    /// The file's path, for errors.
    var path: String { input.path }
    /// The fields of the current record.
    private(set) var fields: [CSVFieldSpan] = []
    /// The physical line on which the current record starts.
    private(set) var recordLine = 0
    private let input: BufferedFileInput
    private var recordStart = 0
    private var position = 0
    private var nextLine = 1
    private var scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
    private var scratchCapacity = 256

    /// Opens a file and skips its byte order mark.
    /// - Parameter path: the CSV file.
    /// - Throws: ``FormatError`` when the file cannot be opened or read.
    init(path: String) throws(FormatError) {
        input = try BufferedFileInput(path: path)
        try input.refill(keepingFrom: 0)
        if input.end >= 3, input.buffer[0] == 0xEF, input.buffer[1] == 0xBB, input.buffer[2] == 0xBF {
            position = 3
        }
    }

    deinit {
        scratch.deallocate()
    }

    /// Moves to the next record.
    /// - Returns: `false` at the end of the file.
    /// - Throws: ``FormatError`` for an unclosed quote or text after a closing quote.
    func nextRecord() throws(FormatError) -> Bool {
        while true {
            let outcome = Self.scan(
                input.buffer, from: position, to: input.end, atEndOfFile: input.reachedEndOfFile, fields: &fields)
            switch outcome {
            case .record(let next, let lineBreaks):
                recordStart = position
                recordLine = nextLine
                position = next
                nextLine += lineBreaks
                return true
            case .endOfInput:
                return false
            case .incomplete:
                try input.refill(keepingFrom: position)
                position = 0
            case .malformed(let offset, let message):
                recordStart = position
                recordLine = nextLine
                throw FormatError(file: path, line: line(atOffset: offset), message)
            }
        }
    }

    /// Whether the current record is a blank line: one empty, unquoted field.
    var isBlankLine: Bool {
        fields.count == 1 && !fields[0].quoted && fields[0].start == fields[0].end
    }

    /// The content of field `index` of the current record, with doubled quotes undone. The
    /// bytes stay valid until the next call to this method or to ``nextRecord()``.
    func fieldBytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let field = fields[index]
        let raw = UnsafeBufferPointer(start: input.buffer + field.start, count: field.end - field.start)
        guard field.escaped else { return raw }
        if raw.count > scratchCapacity {
            scratch.deallocate()
            scratchCapacity = raw.count
            scratch = .allocate(capacity: scratchCapacity)
        }
        var count = 0
        var previousWasQuote = false
        for byte in raw {
            if byte == UInt8(ascii: "\""), previousWasQuote {
                previousWasQuote = false
                continue
            }
            previousWasQuote = byte == UInt8(ascii: "\"")
            scratch[count] = byte
            count += 1
        }
        return UnsafeBufferPointer(start: scratch, count: count)
    }

    /// The physical line on which field `index` of the current record starts.
    func line(ofField index: Int) -> Int {
        line(atOffset: fields[index].start)
    }

    /// The physical line of a byte of the current record.
    private func line(atOffset offset: Int) -> Int {
        var line = recordLine
        var index = recordStart
        while index < offset {
            let byte = input.buffer[index]
            if byte == 0x0A || (byte == 0x0D && (index + 1 >= input.end || input.buffer[index + 1] != 0x0A)) {
                line += 1
            }
            index += 1
        }
        return line
    }
}

@available(*, unavailable)
extension CSVRecordStream: Sendable {}
