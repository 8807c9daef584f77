/// How far back an aggregation looks from the time it is computed at: a number followed by
/// `s`, `m`, `h` or `d` (`90m`, `1h`, `7d`), kept as written because it names features
/// (`amount_mean_7d`).
public struct AggregationWindow: Hashable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The window as written.
    public var text: String

    /// A window from its text form; an invalid one is reported when the definitions are checked.
    /// - Parameter text: a number followed by `s`, `m`, `h` or `d`.
    public init(_ text: String) { self.text = text }

    /// A window from a string literal such as `"7d"`.
    /// - Parameter value: the text form.
    public init(stringLiteral value: String) { self.init(value) }

    /// A window of whole seconds.
    /// - Parameter count: the number of seconds.
    public static func seconds(_ count: Int) -> AggregationWindow { AggregationWindow("\(count)s") }
    /// A window of whole minutes.
    /// - Parameter count: the number of minutes.
    public static func minutes(_ count: Int) -> AggregationWindow { AggregationWindow("\(count)m") }
    /// A window of whole hours.
    /// - Parameter count: the number of hours.
    public static func hours(_ count: Int) -> AggregationWindow { AggregationWindow("\(count)h") }
    /// A window of whole days.
    /// - Parameter count: the number of days.
    public static func days(_ count: Int) -> AggregationWindow { AggregationWindow("\(count)d") }

    /// The window's length in nanoseconds, or `nil` when the text is not a positive number
    /// followed by `s`, `m`, `h` or `d`, or the length overflows.
    public var nanoseconds: Int64? {
        guard let unit = text.last, let count = Int64(text.dropLast()), count > 0,
            text.dropLast().allSatisfy(\.isASCII)
        else { return nil }
        let seconds: Int64
        switch unit {
        case "s": seconds = 1
        case "m": seconds = 60
        case "h": seconds = 3_600
        case "d": seconds = 86_400
        default: return nil
        }
        let (inSeconds, overflow) = count.multipliedReportingOverflow(by: seconds)
        let (inNanoseconds, overflowAgain) = inSeconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow || overflowAgain ? nil : inNanoseconds
    }

    /// The text as written.
    public var description: String { text }

    /// Decodes the text form.
    /// - Throws: `DecodingError` when the member is not a string.
    public init(from decoder: any Decoder) throws {
        text = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the text form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
