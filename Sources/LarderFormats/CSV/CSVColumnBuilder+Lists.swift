/// List cells in CSV are JSON arrays: `[1.5, 2.5]`, `["a", "b,c"]`, `[true, null]`, `[]`.
///
/// Elements are parsed by the element type's rules: numbers and bools bare, strings and
/// timestamps as JSON strings (bare words are accepted too), bytes as base64 strings, and
/// `null` for a null element. An empty cell is a null list; `[]` is an empty list.
extension CSVColumnBuilder {
    /// Parses a list cell and appends the list.
    mutating func appendList(_ text: UnsafeBufferPointer<UInt8>) throws(CSVCellError) {
        let bytes = Self.trimmedWhitespace(text)
        guard bytes.count >= 2, bytes[0] == UInt8(ascii: "["), bytes[bytes.count - 1] == UInt8(ascii: "]") else {
            throw mismatch(text, "a list (write lists as JSON arrays such as [1.5, 2.5])")
        }
        let inner = UnsafeBufferPointer(rebasing: bytes[1..<(bytes.count - 1)])
        let element = elements!
        var index = Self.skipWhitespace(inner, from: 0)
        var position = 0
        var decoded: [UInt8] = []
        while index < inner.count {
            position += 1
            if inner[index] == UInt8(ascii: "\"") {
                decoded.removeAll(keepingCapacity: true)
                do {
                    index = try JSONStringText.decode(inner, from: index, into: &decoded)
                } catch {
                    throw CSVCellError(
                        message: "element \(position) of the list is a malformed JSON string (\(error.reason))")
                }
                try decoded.withUnsafeBufferPointer { (value) throws(CSVCellError) in
                    try appendElement(value, quoted: true, position: position, to: element)
                }
            } else {
                let start = index
                while index < inner.count, inner[index] != UInt8(ascii: ","), !Self.isWhitespace(inner[index]) {
                    index += 1
                }
                let token = UnsafeBufferPointer(rebasing: inner[start..<index])
                guard !token.isEmpty else { throw CSVCellError(message: "element \(position) of the list is empty") }
                if Self.equalsIgnoringCase(token, "null") {
                    element.builder.appendNull()
                } else {
                    try appendElement(token, quoted: false, position: position, to: element)
                }
            }
            index = Self.skipWhitespace(inner, from: index)
            guard index < inner.count else { break }
            guard inner[index] == UInt8(ascii: ",") else {
                throw CSVCellError(message: "expected ',' or ']' after element \(position) of the list")
            }
            index = Self.skipWhitespace(inner, from: index + 1)
            guard index < inner.count else {
                throw CSVCellError(message: "the list ends with ','; expected an element after it")
            }
        }
        listOffsets.append(element.builder.count)
    }

    private func appendElement(
        _ bytes: UnsafeBufferPointer<UInt8>, quoted: Bool, position: Int, to element: CSVListElements
    ) throws(CSVCellError) {
        do {
            try element.builder.append(bytes, quoted: quoted)
        } catch {
            throw CSVCellError(message: "element \(position) of the list: \(error.message)")
        }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func skipWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count, isWhitespace(bytes[index]) { index += 1 }
        return index
    }

    private static func trimmedWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        let start = skipWhitespace(bytes, from: 0)
        var end = bytes.count
        while end > start, isWhitespace(bytes[end - 1]) { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }
}
