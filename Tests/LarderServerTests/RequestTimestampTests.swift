import LarderCore
@testable import LarderServer
import Testing

/// Request instants are RFC 3339 `date-time`, exactly; instants the stores cannot hold are
/// taken as the bounds of their range.
@Suite struct RequestTimestampTests {
    @Test(arguments: [
        ("2026-01-02T03:04:05Z", "2026-01-02T03:04:05Z"),
        ("2026-01-02t03:04:05z", "2026-01-02T03:04:05Z"),
        ("2026-01-02T03:04:05.123456789123Z", "2026-01-02T03:04:05.123456789Z"),
        ("2026-01-02T03:04:05+23:59", "2026-01-01T03:05:05Z"),
        ("2026-01-02T03:04:05-23:59", "2026-01-03T03:03:05Z"),
        ("2016-12-31T23:59:60Z", "2017-01-01T00:00:00Z"),
        ("0001-01-01T00:00:00Z", "1677-09-22T00:00:00Z"),
        ("9999-12-31T23:59:59.999Z", "2262-04-11T00:00:00Z"),
    ])
    func rfc3339IsAccepted(text: String, expected: String) {
        #expect(RequestTimestamp.parse(text)?.rfc3339() == expected)
    }

    @Test(arguments: [
        "", "0", "1767323045", "2026-01-02", "2026-01-02 03:04:05Z", "2026-01-02T03:04Z", "2026-01-02T03:04:05",
        "2026-01-02T03:04:05+0200", "2026-01-02T03:04:05+02", "2026-01-02T03:04:05.Z", "2026-01-02T03:04:05 UTC",
        "2026-13-02T03:04:05Z", "2026-02-30T03:04:05Z", "2026-01-02T24:00:00Z", "2026-01-02T03:04:05+24:00",
        "2026-01-02T03:04:05Zx",
    ])
    func otherFormsAreRefused(text: String) {
        #expect(RequestTimestamp.parse(text) == nil)
    }
}
