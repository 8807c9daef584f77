/// Percent-encoding for the console's links and form values.
enum ConsoleURL {
    /// Encodes a path segment or query value: every byte but unreserved characters
    /// (`A-Z a-z 0-9 - . _ ~`) becomes `%XX`.
    /// - Parameter text: the text.
    /// - Returns: the encoded text.
    static func encodeComponent(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = Array("0123456789ABCDEF".unicodeScalars)
                encoded += "%"
                encoded.unicodeScalars.append(digits[Int(byte >> 4)])
                encoded.unicodeScalars.append(digits[Int(byte & 0x0F)])
            }
        }
        return encoded
    }

    /// Decodes an `application/x-www-form-urlencoded` body into its fields, in order; `+`
    /// is a space. A malformed escape is kept as written.
    /// - Parameter body: the body's text.
    /// - Returns: the fields.
    static func formFields(_ body: some StringProtocol) -> [(name: String, value: String)] {
        body.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    /// Decodes `%XX` escapes and `+`.
    private static func decode(_ text: some StringProtocol) -> String {
        var bytes: [UInt8] = []
        var index = text.utf8.startIndex
        let utf8 = text.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), utf8.distance(from: index, to: utf8.endIndex) >= 3,
                let value = UInt8(
                    String(decoding: utf8[utf8.index(after: index)..<utf8.index(index, offsetBy: 3)], as: UTF8.self),
                    radix: 16)
            {
                bytes.append(value)
                index = utf8.index(index, offsetBy: 3)
                continue
            } else {
                bytes.append(byte)
            }
            index = utf8.index(after: index)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
