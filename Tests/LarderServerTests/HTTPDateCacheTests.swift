@testable import LarderServer
import Testing

/// The `Date` header of answers written in the channel pipeline.
@Suite struct HTTPDateCacheTests {
    @Test(
        arguments: [
            (784_111_777, "Sun, 06 Nov 1994 08:49:37 GMT"),
            (0, "Thu, 01 Jan 1970 00:00:00 GMT"),
            (1_767_323_045, "Fri, 02 Jan 2026 03:04:05 GMT"),
        ] as [(Int64, String)])
    func formatsIMFFixdate(seconds: Int64, text: String) {
        #expect(HTTPDateCache.format(secondsSinceEpoch: seconds) == text)
    }
}
