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
///
/// A non-copyable value used as a local variable, so the per-record work needs no runtime
/// exclusivity checks.
struct CSVRecordStream: ~Copyable {
    /// The file's path, for errors.
    let path: String
    /// The physical line on which the current record starts.
    private(set) var recordLine = 0
    /// The number of fields in the current record.
    private(set) var fieldCount = 0
    private let input: BufferedFileInput
    /// Copies of the input's state, refreshed after each refill.
    private var bytes: UnsafeMutablePointer<UInt8>
    private var end = 0
    private var atEndOfFile = false
    private var fields: UnsafeMutablePointer<CSVFieldSpan>
    private var fieldCapacity = 16
    private var recordStart = 0
    private var position = 0
    private var nextLine = 1
    private var scratch: UnsafeMutablePointer<UInt8>
    private var scratchCapacity = 256

    /// Opens a file and skips its byte order mark.
    /// - Parameters:
    ///   - path: the CSV file.
    ///   - chunkSize: bytes to read at a time.
    /// - Throws: ``FormatError`` when the file cannot be opened or read.
    init(path: String, chunkSize: Int) throws(FormatError) {
        let input = try BufferedFileInput(path: path, chunkSize: chunkSize)
        try input.refill(keepingFrom: 0)
        self.path = path
        self.input = input
        bytes = input.buffer
        end = input.end
        atEndOfFile = input.reachedEndOfFile
        fields = .allocate(capacity: fieldCapacity)
        scratch = .allocate(capacity: scratchCapacity)
        if end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
    }

    deinit {
        fields.deallocate()
        scratch.deallocate()
    }

    /// Moves to the next record.
    /// - Returns: `false` at the end of the file.
    /// - Throws: ``FormatError`` for an unclosed quote or text after a closing quote.
    mutating func nextRecord() throws(FormatError) -> Bool {
        while true {
            switch scan() {
            case .record(let next, let lineBreaks):
                recordStart = position
                recordLine = nextLine
                position = next
                nextLine += lineBreaks
                return true
            case .endOfInput:
                fieldCount = 0
                return false
            case .incomplete:
                try input.refill(keepingFrom: position)
                position = 0
                bytes = input.buffer
                end = input.end
                atEndOfFile = input.reachedEndOfFile
            case .malformed(let offset, let message):
                recordStart = position
                recordLine = nextLine
                throw FormatError(file: path, line: line(atOffset: offset), message)
            }
        }
    }

    /// The span of field `index` of the current record.
    func field(_ index: Int) -> CSVFieldSpan {
        fields[index]
    }

    /// Whether the current record is a blank line: one empty, unquoted field.
    var isBlankLine: Bool {
        fieldCount == 1 && !fields[0].quoted && fields[0].start == fields[0].end
    }

    /// The content of field `index` of the current record, with doubled quotes undone. The
    /// bytes stay valid until the next call to this method or to ``nextRecord()``.
    mutating func fieldBytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let field = fields[index]
        let raw = UnsafeBufferPointer(start: bytes + field.start, count: field.end - field.start)
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
            let byte = bytes[index]
            if byte == 0x0A || (byte == 0x0D && (index + 1 >= end || bytes[index + 1] != 0x0A)) { line += 1 }
            index += 1
        }
        return line
    }

    /// Records a field of the current record, making room for more fields when needed.
    mutating func appendField(_ span: CSVFieldSpan) {
        if fieldCount == fieldCapacity {
            let larger = UnsafeMutablePointer<CSVFieldSpan>.allocate(capacity: fieldCapacity * 2)
            larger.moveInitialize(from: fields, count: fieldCount)
            fields.deallocate()
            fields = larger
            fieldCapacity *= 2
        }
        (fields + fieldCount).initialize(to: span)
        fieldCount += 1
    }

    /// The scanning state: the buffer and where the record starts.
    var scanWindow: (bytes: UnsafeMutablePointer<UInt8>, begin: Int, end: Int, atEndOfFile: Bool) {
        (bytes, position, end, atEndOfFile)
    }

    /// Forgets the fields of the current record.
    mutating func clearFields() {
        fieldCount = 0
    }
}
