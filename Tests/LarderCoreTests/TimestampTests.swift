import LarderCore
import Testing

@Suite struct TimestampTests {
    static let second: Int64 = 1_000_000_000
    static let instant: Int64 = 1_767_323_045 * second
    static let parsingCases: [(String, Int64)] = [
        ("2026-01-02T03:04:05Z", instant),
        ("2026-01-02 03:04:05", instant),
        ("2026-01-02T05:04:05+02:00", instant),
        ("2026-01-01T22:04:05-0500", instant),
        ("2026-01-02T03:04:05.123456789Z", instant + 123_456_789),
        ("2026-01-02T03:04:05.5Z", instant + 500_000_000),
        ("2026-01-02", 1_767_312_000 * second),
        ("1767323045", instant),
        ("1969-12-31T23:59:59Z", -second),
    ]

    @Test(arguments: parsingCases)
    func parsesTheFormsFeatureDataUses(text: String, nanoseconds: Int64) throws {
        let timestamp = try #require(Timestamp(parsing: text))
        #expect(timestamp.nanosecondsSinceEpoch == nanoseconds)
    }

    @Test(arguments: [
        "", "2026-13-01", "2026-02-30", "2026-01-02T25:00:00Z", "2026-01-02T03:04:05+", "yesterday",
        "2026-01-02T03:04:05Zjunk",
    ])
    func rejectsWhatIsNotATimestamp(text: String) {
        #expect(Timestamp(parsing: text) == nil)
    }

    @Test func printsRFC3339InUTCWithTheFewestExactFractionDigits() {
        let base = Int64(1_767_323_045) * 1_000_000_000
        #expect(Timestamp(nanosecondsSinceEpoch: base).rfc3339() == "2026-01-02T03:04:05Z")
        #expect(Timestamp(nanosecondsSinceEpoch: base + 120_000_000).rfc3339() == "2026-01-02T03:04:05.120Z")
        #expect(Timestamp(nanosecondsSinceEpoch: base + 123_456_000).rfc3339() == "2026-01-02T03:04:05.123456Z")
        #expect(Timestamp(nanosecondsSinceEpoch: base + 1).rfc3339() == "2026-01-02T03:04:05.000000001Z")
        #expect(Timestamp(nanosecondsSinceEpoch: base).rfc3339(fractionDigits: 6) == "2026-01-02T03:04:05.000000Z")
        #expect(Timestamp(nanosecondsSinceEpoch: -1).rfc3339() == "1969-12-31T23:59:59.999999999Z")
    }

    @Test func appendsTheSameTextAsUTF8() {
        let base = Int64(1_767_323_045) * 1_000_000_000
        var bytes = Array("x".utf8)
        Timestamp(nanosecondsSinceEpoch: base + 123_456_000).appendRFC3339(to: &bytes)
        Timestamp(nanosecondsSinceEpoch: base).appendRFC3339(to: &bytes, fractionDigits: 3)
        #expect(String(decoding: bytes, as: UTF8.self) == "x2026-01-02T03:04:05.123456Z2026-01-02T03:04:05.000Z")
        #expect(Timestamp(nanosecondsSinceEpoch: .min).rfc3339() == "1677-09-21T00:12:43.145224192Z")
    }

    @Test func wholeSecondsRoundDown() {
        #expect(Timestamp(nanosecondsSinceEpoch: 1_500_000_000).wholeSecondsSinceEpoch == 1)
        #expect(Timestamp(nanosecondsSinceEpoch: -1).wholeSecondsSinceEpoch == -1)
        #expect(Timestamp(secondsSinceEpoch: -3).wholeSecondsSinceEpoch == -3)
    }

    @Test func roundTripsThroughText() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<1_000 {
            let value = Int64.random(in: -5_000_000_000_000_000_000...5_000_000_000_000_000_000, using: &generator)
            let timestamp = Timestamp(nanosecondsSinceEpoch: value)
            #expect(Timestamp(parsing: timestamp.rfc3339()) == timestamp)
        }
    }

    @Test func offsetsNameTheSameInstant() {
        #expect(Timestamp(parsing: "2026-03-01T00:30:00+01:00") == Timestamp(parsing: "2026-02-28T23:30:00Z"))
    }
}
