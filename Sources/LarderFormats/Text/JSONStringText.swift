/// JSON string literals, written with correct escapes and read back: the one implementation
/// behind every JSON Larder writes or reads by hand (the feature server's online read and
/// its answer, JSON lines, list cells of CSV files).
package enum JSONStringText {
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Why a string literal could not be read, and where.
    package struct Malformed: Error {
        /// What is wrong (`invalid escape`, `unterminated string`).
        package var reason: String
        /// The offset in the text where it was found.
        package var offset: Int
    }

    /// Appends `bytes` as a quoted JSON string. Quotes, backslashes and control characters are
    /// escaped; invalid UTF-8 is replaced with U+FFFD so the output is always valid JSON.
    /// - Parameters:
    ///   - bytes: the string's bytes.
    ///   - output: receives the literal.
    package static func append(_ bytes: some Collection<UInt8>, into output: inout [UInt8]) {
        var text = String(decoding: bytes, as: UTF8.self)
        text.withUTF8 { appendQuoted($0, into: &output) }
    }

    /// Appends valid UTF-8 as a quoted JSON string, copying the runs between escapes whole.
    /// - Parameters:
    ///   - utf8: valid UTF-8 (a `String`'s bytes).
    ///   - output: receives the literal.
    package static func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var start = 0
        for index in utf8.indices {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
            appendEscape(of: byte, into: &output)
            start = index + 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        output.append(UInt8(ascii: "\""))
    }

    private static func appendEscape(of byte: UInt8, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(byte)
        case 0x0A: output.append(UInt8(ascii: "n"))
        case 0x0D: output.append(UInt8(ascii: "r"))
        case 0x09: output.append(UInt8(ascii: "t"))
        case 0x08: output.append(UInt8(ascii: "b"))
        case 0x0C: output.append(UInt8(ascii: "f"))
        default:
            output.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
            output.append(hexDigits[Int(byte >> 4)])
            output.append(hexDigits[Int(byte & 0x0F)])
        }
    }

    /// Reads the JSON string literal whose opening quote is at `start`, as RFC 8259 defines
    /// it: no raw control characters, the escapes `\" \\ \/ \b \f \n \r \t \uXXXX`, and
    /// surrogates only in pairs.
    /// - Parameters:
    ///   - bytes: the text.
    ///   - start: the index of the opening quote.
    ///   - output: receives the string's UTF-8 bytes (not checked to be valid UTF-8).
    /// - Returns: the index after the closing quote.
    /// - Throws: ``Malformed`` naming what is wrong and where.
    package static func decode(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into output: inout [UInt8]
    ) throws(Malformed) -> Int {
        var index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\"") { return index }
            guard byte == UInt8(ascii: "\\") else {
                guard byte >= 0x20 else { throw Malformed(reason: "control character in a string", offset: index - 1) }
                output.append(byte)
                continue
            }
            guard index < bytes.count else { break }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(escape)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "u"):
                var code = try hexQuad(bytes, at: index)
                index += 4
                if (0xD800..<0xDC00).contains(code) {
                    guard index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\"),
                        bytes[index + 1] == UInt8(ascii: "u")
                    else { throw Malformed(reason: "unpaired surrogate", offset: index) }
                    let low = try hexQuad(bytes, at: index + 2)
                    guard (0xDC00..<0xE000).contains(low) else {
                        throw Malformed(reason: "unpaired surrogate", offset: index)
                    }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                }
                guard let scalar = Unicode.Scalar(code) else {
                    throw Malformed(reason: "invalid \\u escape", offset: index)
                }
                output.append(contentsOf: String(Character(scalar)).utf8)
            default: throw Malformed(reason: "invalid escape", offset: index - 1)
            }
        }
        throw Malformed(reason: "unterminated string", offset: bytes.count)
    }

    private static func hexQuad(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) throws(Malformed) -> UInt32 {
        guard index + 4 <= bytes.count else { throw Malformed(reason: "short \\u escape", offset: index) }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = bytes[index + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Malformed(reason: "invalid hex digit in \\u escape", offset: index + offset)
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
