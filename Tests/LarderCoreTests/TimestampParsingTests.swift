import Testing

@testable import LarderCore

/// Every text form `Timestamp(parsing:)` accepts, and forms it rejects.
struct TimestampParsingTests {
    private static let base: Int64 = 1_767_323_045 * 1_000_000_000  // 2026-01-02T03:04:05Z

    static let accepted: [(String, Int64)] = [
        ("2026-01-02T03:04:05Z", base),
        ("2026-01-02T03:04:05z", base),
        ("2026-01-02t03:04:05Z", base),
        ("2026-01-02 03:04:05Z", base),
        ("2026-01-02T03:04:05", base),
        ("2026-01-02 03:04:05 UTC", base),
        ("  2026-01-02T03:04:05Z  ", base),
        ("2026-01-02T05:04:05+02:00", base),
        ("2026-01-02T05:04:05+0200", base),
        ("2026-01-02T05:04:05+02", base),
        ("2026-01-02T08:34:05+05:30", base),
        ("2026-01-01T23:04:05-04:00", base),
        ("2026-01-02T03:04:05-00:00", base),
        ("2026-01-02T03:04:05.5Z", base + 500_000_000),
        ("2026-01-02T03:04:05,5Z", base + 500_000_000),
        ("2026-01-02T03:04:05.123Z", base + 123_000_000),
        ("2026-01-02T03:04:05.123456Z", base + 123_456_000),
        ("2026-01-02T03:04:05.123456789Z", base + 123_456_789),
        ("2026-01-02T03:04:05.1234567891Z", base + 123_456_789),
        ("2026-01-02T04:04:05.000000001+01:00", base + 1),
        ("2026-01-02T03:04Z", base - 5_000_000_000),
        ("2026-01-02", 1_767_312_000 * 1_000_000_000),
        ("1767323045", base),
        ("+1767323045", base),
        ("0", 0),
        ("-86400", -86_400 * 1_000_000_000),
        ("1969-12-31T23:59:59.999999999Z", -1),
        ("1677-09-21T00:12:44Z", -9_223_372_036 * 1_000_000_000),
        ("2262-04-11T23:47:16Z", 9_223_372_036 * 1_000_000_000),
        ("2024-02-29T00:00:00Z", 1_709_164_800 * 1_000_000_000),
    ]

    @Test(arguments: accepted)
    func parses(text: String, nanoseconds: Int64) {
        #expect(Timestamp(parsing: text)?.nanosecondsSinceEpoch == nanoseconds)
    }

    @Test(arguments: [
        "", "   ", "2026-01", "2026-1-2", "2026-13-01", "2026-02-30", "2025-02-29", "2026-01-02T",
        "2026-01-02T24:00:00Z", "2026-01-02T03:60Z", "2026-01-02T03:04:05.Z", "2026-01-02T03:04:05+2",
        "2026-01-02T03:04:05+24:00", "2026-01-02T03:04:05Zjunk", "2026-01-02X03:04:05", "abc", "1.5",
        "9999999999999", "1000-01-01T00:00:00Z", "2263-01-01T00:00:00Z", "2026-01-02T03:04:05 PST",
    ])
    func rejects(text: String) {
        #expect(Timestamp(parsing: text) == nil)
    }

    @Test func parsesBytesInPlace() {
        let bytes = Array("2026-01-02T03:04:05.25Z".utf8)
        let parsed = bytes.withUnsafeBufferPointer { Timestamp(parsingUTF8: $0) }
        #expect(parsed?.nanosecondsSinceEpoch == Self.base + 250_000_000)
    }

    @Test(
        arguments: [
            (Int64(1_767_323_045_123_456_789), 9, "2026-01-02T03:04:05.123456789Z"),
            (1_767_323_045_123_456_789, 6, "2026-01-02T03:04:05.123456Z"),
            (1_767_323_045_000_000_000, nil, "2026-01-02T03:04:05Z"),
            (-1, 9, "1969-12-31T23:59:59.999999999Z"),
        ] as [(Int64, Int?, String)])
    func formatsAndParsesBack(nanoseconds: Int64, digits: Int?, text: String) {
        let timestamp = Timestamp(nanosecondsSinceEpoch: nanoseconds)
        #expect(timestamp.rfc3339(fractionDigits: digits) == text)
        if digits == 9 || digits == nil { #expect(Timestamp(parsing: text) == timestamp) }
    }
}

/// Parsing into seconds and nanoseconds, which covers years 0000 to 9999.
struct TimestampComponentParsingTests {
    @Test(
        arguments: [
            ("9999-12-31T23:59:59.999999Z", Int64(253_402_300_799), Int64(999_999_000)),
            ("0001-01-01T00:00:00Z", -62_135_596_800, 0),
            ("1969-12-31T23:59:59.5Z", -1, 500_000_000),
            ("1767323045", 1_767_323_045, 0),
            ("2026-01-02T05:04:05.25+02:00", 1_767_323_045, 250_000_000),
        ] as [(String, Int64, Int64)])
    func parsesFarDates(text: String, seconds: Int64, nanoseconds: Int64) {
        let parsed = Array(text.utf8).withUnsafeBufferPointer { Timestamp.secondsAndNanoseconds(parsingUTF8: $0) }
        #expect(parsed?.seconds == seconds)
        #expect(parsed?.nanoseconds == nanoseconds)
    }

    @Test func rejectsWhatTimestampRejects() {
        let parsed = Array("2026-02-30".utf8).withUnsafeBufferPointer {
            Timestamp.secondsAndNanoseconds(parsingUTF8: $0)
        }
        #expect(parsed == nil)
    }

    /// The earliest and latest instants print as text that parses back: the registry stores
    /// the earliest as the start of a view's first incremental run when it has no TTL.
    @Test func theExtremeInstantsRoundTripThroughText() {
        for nanoseconds in [Int64.min, Int64.min + 1, -1_500_000_000, Int64.max] {
            let timestamp = Timestamp(nanosecondsSinceEpoch: nanoseconds)
            #expect(Timestamp(parsing: timestamp.description) == timestamp, "\(timestamp)")
        }
    }
}
