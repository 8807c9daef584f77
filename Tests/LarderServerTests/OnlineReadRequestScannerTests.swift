@testable import LarderServer
import Testing

/// The scanner recognises exactly the plain online-read request and leaves everything else to
/// the full HTTP stack.
@Suite struct OnlineReadRequestScannerTests {
    static func scan(_ text: String, maxBodyBytes: Int = 1_000) -> OnlineReadRequestScanner.Scan {
        Array(text.utf8).withUnsafeBytes { OnlineReadRequestScanner.scan($0, maxBodyBytes: maxBodyBytes) }
    }

    static let plain =
        "POST /get-online-features HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\nContent-Length: 12\r\n\r\n"

    @Test func aPlainRequestIsRecognised() {
        #expect(
            Self.scan(Self.plain + "{\"a\": 1234}")
                == .onlineRead(.init(headLength: Self.plain.utf8.count, contentLength: 12)))
        // The body need not have arrived.
        #expect(Self.scan(Self.plain) == .onlineRead(.init(headLength: Self.plain.utf8.count, contentLength: 12)))
    }

    @Test func everyPrefixOfTheHeadIsIncomplete() {
        let bytes = Array(Self.plain.utf8)
        for length in 0..<bytes.count {
            let scan = bytes[..<length].withUnsafeBytes { OnlineReadRequestScanner.scan($0, maxBodyBytes: 1_000) }
            #expect(scan == .incomplete, "prefix of \(length) bytes")
        }
    }

    @Test func headerNamesAnyCaseAQueryAndTheAuthorizationAreRead() {
        let text =
            "POST /get-online-features?trace=1 HTTP/1.1\r\nCONTENT-LENGTH: 0\r\nAuthorization:  Bearer abc \r\nConnection: Keep-Alive\r\n\r\n"
        #expect(
            Self.scan(text)
                == .onlineRead(.init(headLength: text.utf8.count, contentLength: 0, authorization: "Bearer abc")))
    }

    @Test(arguments: [
        "GET /get-online-features HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
        "POST /get-online-features/x HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
        "POST /get-online-featuresx HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
        "POST /push HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
        "POST /get-online-features HTTP/1.0\r\nContent-Length: 0\r\n\r\n",
        "POST /get-online-features  HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
        "POST /get-online-features HTTP/1.1\nContent-Length: 0\r\n\r\n",
        "POST /get-online-features HTTP/1.1\r\n\r\n",
        "POST /get-online-features HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n",
        "POST /get-online-features HTTP/1.1\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n",
        "POST /get-online-features HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\n",
        "POST /get-online-features HTTP/1.1\r\nContent-Length: +2\r\n\r\n",
        "POST /get-online-features HTTP/1.1\r\nContent-Length: 2 2\r\n\r\n",
        "POST /get-online-features HTTP/1.1\r\nContent-Length: 1234567890\r\n\r\n",
        "POST /get-online-features HTTP/1.1\r\nContent-Length: 1001\r\n\r\n",
        "POST /get-online-features HTTP/1.1\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n",
        "POST /get-online-features HTTP/1.1\r\nContent-Length: 2\r\nConnection: close\r\n\r\n",
        "POST /get-online-features HTTP/1.1\r\nContent-Length: 2\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n",
        "POST /get-online-features HTTP/1.1\r\nContent-Length: 2\r\nAuthorization: a\r\nAuthorization: b\r\n\r\n",
        "POST /get-online-features HTTP/1.1\r\nContent-Length: 2\r\nX-Folded: a\r\n b\r\n\r\n",
        "POST /get-online-features HTTP/1.1\r\nContent-Length : 2\r\n\r\n",
        "POST /get-online-features HTTP/1.1\r\n: 2\r\nContent-Length: 2\r\n\r\n",
        "POST /get-online-features HTTP/1.1\r\nContent-Length: 2\r\nX-Bad: a\u{1}b\r\n\r\n",
        "POST /get-online-features HTTP/1.1\r\nContent-Length: 2\r\nX-Bare: a\rb\r\n\r\n",
        "POST /get-online-features HTTP/1.1\r\nContent-Length: 2\r\n\r\r\n",
        "POST /get-online-features HTTP/1.1\r\nContent-Length: 2\r\nContent-Type: text/plain\r\n\r\n",
        "POST /get-online-features HTTP/1.1\r\nContent-Type: application/jsonx\r\nContent-Length: 2\r\n\r\n",
    ])
    func anythingElseGoesToTheFullHTTPStack(text: String) {
        #expect(Self.scan(text) == .other)
    }

    @Test func aHeadLongerThanTheLimitGoesToTheFullHTTPStack() {
        let padding = "X-Pad: " + String(repeating: "p", count: OnlineReadRequestScanner.maxHeaderBytes) + "\r\n"
        #expect(Self.scan("POST /get-online-features HTTP/1.1\r\n" + padding) == .other)
        let query =
            "POST /get-online-features?" + String(repeating: "q", count: OnlineReadRequestScanner.maxHeaderBytes)
        #expect(Self.scan(query) == .other)
    }
}
