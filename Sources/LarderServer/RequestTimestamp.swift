import LarderCore

/// An instant in a request body: RFC 3339 `date-time`, exactly what OpenAPI's
/// `format: date-time` allows (years 0000 to 9999, `T` or `t`, any number of fraction
/// digits, `Z`, `z` or an offset up to ±23:59), no other form. The stores keep nanoseconds
/// since the epoch, so an instant before ``earliest`` or after ``latest`` is taken as that
/// bound: a range from the year 0148 to the year 5163 covers everything the stores can hold.
struct RequestTimestamp: Decodable {
    /// The earliest instant taken as itself, a day inside the nanosecond range.
    static let earliest = Timestamp(nanosecondsSinceEpoch: -9_223_286_400 * 1_000_000_000)
    /// The latest instant taken as itself, a day inside the nanosecond range.
    static let latest = Timestamp(nanosecondsSinceEpoch: 9_223_286_400 * 1_000_000_000)

    /// The instant, within ``earliest`` ... ``latest``.
    var timestamp: Timestamp

    /// Decodes a string member.
    /// - Throws: ``APIError`` 400 naming the member for text that is not RFC 3339.
    init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let timestamp = Self.parse(text) else {
            throw APIError.invalidRequest(
                "'\(JSONBodyDecoder.memberPath(decoder.codingPath))': '\(text)' is not an RFC 3339 timestamp (such as 2026-01-02T03:04:05Z)"
            )
        }
        self.timestamp = timestamp
    }

    /// Parses RFC 3339 `date-time` text, clamped to ``earliest`` ... ``latest``.
    /// - Parameter text: the text.
    /// - Returns: the instant, or `nil` when the text is not RFC 3339.
    static func parse(_ text: String) -> Timestamp? {
        var text = text
        return text.withUTF8 { bytes -> Timestamp? in
            guard isDateTime(bytes), let (seconds, nanoseconds) = Timestamp.secondsAndNanoseconds(parsingUTF8: bytes)
            else { return nil }
            if seconds < earliest.nanosecondsSinceEpoch / 1_000_000_000 { return earliest }
            if seconds >= latest.nanosecondsSinceEpoch / 1_000_000_000 { return latest }
            return Timestamp(nanosecondsSinceEpoch: seconds * 1_000_000_000 + nanoseconds)
        }
    }

    /// Whether the bytes have RFC 3339's `date-time` shape; the parser checks the ranges.
    private static func isDateTime(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func digits(_ range: Range<Int>) -> Bool {
            range.upperBound <= bytes.count && range.allSatisfy { bytes[$0] &- UInt8(ascii: "0") < 10 }
        }
        func byte(_ index: Int, _ allowed: Unicode.Scalar...) -> Bool {
            index < bytes.count && allowed.contains { bytes[index] == UInt8(ascii: $0) }
        }
        guard digits(0..<4), byte(4, "-"), digits(5..<7), byte(7, "-"), digits(8..<10), byte(10, "T", "t"),
            digits(11..<13), byte(13, ":"), digits(14..<16), byte(16, ":"), digits(17..<19)
        else { return false }
        var index = 19
        if byte(index, ".") {
            index += 1
            let fraction = index
            while digits(index..<index + 1) { index += 1 }
            guard index > fraction else { return false }
        }
        if byte(index, "Z", "z") { return index + 1 == bytes.count }
        return byte(index, "+", "-") && digits(index + 1..<index + 3) && byte(index + 3, ":")
            && digits(index + 4..<index + 6) && index + 6 == bytes.count
    }
}
