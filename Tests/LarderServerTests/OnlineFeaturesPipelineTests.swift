import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import LarderServer
import Testing

/// A listening server answers `POST /get-online-features` in its channel pipeline; these
/// tests hold it to the router's answers, byte for byte, and to the router's accounting.
@Suite struct OnlineFeaturesPipelineTests {
    static func fixture() throws -> ServerFixture {
        try ServerFixture(serverYAML: "server:\n  max_body_bytes: 200\n  max_entity_rows: 2\n" + ServerFixture.authYAML)
    }

    static let service = #"{"entities": {"user_id": [1001, 1003]}, "feature_service": "fraud_v1"}"#
    static let features =
        #"{"entities": {"user_id": [1002]}, "features": ["user_stats:avg_amount"], "full_feature_names": true}"#

    /// (request body, bearer token), each answered once by the router and once by the pipeline.
    static let requests: [(String, String?)] = [
        (service, "reader-token"),
        (features, "reader-token"),
        (#"{"entities": {"user_id": [1]}, "feature_service": "nope"}"#, "reader-token"),
        (#"{"entities": {"user_id": [1]}, "features": ["user_stats:nope"]}"#, "reader-token"),
        (#"{"entities": {"user_id": [1, 2, 3]}, "feature_service": "fraud_v1"}"#, "reader-token"),
        (#"{"entities": "#, "reader-token"),
        ("[1, 2]", "reader-token"),
        ("", "reader-token"),
        (
            #"{"entities": {"user_id": [1]}, "feature_service": "fraud_v1", "pad": ""#
                + String(repeating: "x", count: 300) + "\"}", "reader-token"
        ),
        (service, nil),
        (service, "writer-token"),
    ]

    @Test(arguments: requests)
    func theListeningServerAnswersAsTheRouter(request: String, token: String?) async throws {
        let fixture = try Self.fixture()
        let headers: HTTPFields = token.map { [.authorization: "Bearer \($0)"] } ?? [:]
        let routed = try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/get-online-features", method: .post, headers: headers, body: body(request))
            { response in
                (response.status, response.headers[.contentType], String(buffer: response.body))
            }
        }
        try await fixture.application().test(.live) { client in
            try await client.execute(uri: "/get-online-features", method: .post, headers: headers, body: body(request))
            { response in
                #expect(response.status == routed.0)
                #expect(response.headers[.contentType] == routed.1)
                #expect(String(buffer: response.body) == routed.2)
                #expect(response.headers[.contentLength] == String(response.body.readableBytes))
                #expect(response.headers[.server] == "larder")
                #expect(response.headers[.date]?.hasSuffix(" GMT") == true)
            }
        }
    }

    /// Checks the answer to `fraud_v1` for user 1001: the fixture's latest row of that user
    /// (7.25 and 4, stamped 2026-01-02T00:00:00.123Z), after the join key.
    static func expectLatestRowOfUser1001(_ object: [String: Any]) throws {
        let metadata = try #require(object["metadata"] as? [String: Any])
        #expect(metadata["feature_names"] as? [String] == ["user_id", "avg_amount", "tx_count"])
        let results = try #require(object["results"] as? [[String: Any]])
        try #require(results.count == 3)
        #expect(results[0]["values"] as? [Int] == [1001])
        #expect(results[1]["values"] as? [Double] == [7.25])
        #expect(results[2]["values"] as? [Int] == [4])
        #expect(results.map { $0["statuses"] as? [String] } == [["PRESENT"], ["PRESENT"], ["PRESENT"]])
        #expect(
            results.map { $0["event_timestamps"] as? [String] } == [
                ["1970-01-01T00:00:00Z"], ["2026-01-02T00:00:00.123Z"], ["2026-01-02T00:00:00.123Z"],
            ])
    }

    @Test(arguments: ["text/plain", "application/jsonx", "application/json; charset=utf-8", "APPLICATION/JSON"])
    func contentTypesAreAnsweredAsTheRouterAnswersThem(contentType: String) async throws {
        let fixture = try Self.fixture()
        let headers: HTTPFields = [.authorization: "Bearer reader-token", .contentType: contentType]
        let routed = try await fixture.application().test(.router) { client in
            try await client.execute(
                uri: "/get-online-features", method: .post, headers: headers, body: body(Self.service)
            ) { response in
                (response.status, String(buffer: response.body))
            }
        }
        #expect(routed.0 == (JSONMediaType.accepts(contentType) ? .ok : .unsupportedMediaType))
        try await fixture.application().test(.live) { client in
            try await client.execute(
                uri: "/get-online-features", method: .post, headers: headers, body: body(Self.service)
            ) { response in
                #expect(response.status == routed.0)
                #expect(String(buffer: response.body) == routed.1)
            }
        }
    }

    @Test func requestsAnsweredInThePipelineAreCountedAndKeepTheirOrder() async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.live) { client in
            let read = #"{"entities": {"user_id": [1001]}, "feature_service": "fraud_v1"}"#
            // Interleaved with requests the router answers, on one keep-alive connection.
            for round in 0..<3 {
                try await client.execute(uri: "/get-online-features?round=\(round)", method: .post, body: body(read)) {
                    response in
                    #expect(response.status == .ok)
                    try Self.expectLatestRowOfUser1001(try json(response))
                }
                try await client.execute(uri: "/health", method: .get) { response in
                    #expect(String(buffer: response.body) == #"{"status":"ok"}"#)
                }
                try await client.execute(uri: "/get-online-features", method: .post, body: body("{")) { response in
                    #expect(response.status == .badRequest)
                }
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(text.contains(#"larder_http_requests_total{endpoint="/get-online-features",status="200"} 3"#))
                #expect(text.contains(#"larder_http_requests_total{endpoint="/get-online-features",status="400"} 3"#))
                #expect(text.contains(#"larder_http_requests_total{endpoint="/health",status="200"} 3"#))
                #expect(text.contains("larder_entity_rows_served_total 3"))
            }
        }
    }

    @Test func aRequestThatClosesTheConnectionIsAnsweredTheSame() async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.live) { client in
            let read = #"{"entities": {"user_id": [1001]}, "feature_service": "fraud_v1"}"#
            try await client.execute(
                uri: "/get-online-features", method: .post, headers: [.connection: "close"], body: body(read)
            ) { response in
                #expect(response.status == .ok)
                try Self.expectLatestRowOfUser1001(try json(response))
            }
        }
    }
}

/// The same, on raw connections: requests pipelined, split anywhere, or of a shape only the
/// full HTTP stack answers, and a graceful shutdown in the middle of a request.
@Suite struct OnlineFeaturesRawConnectionTests {
    static let read = #"{"entities": {"user_id": [1001, 1002]}, "feature_service": "fraud_v1"}"#

    /// The same request with a chunked body, which only the full HTTP stack reads.
    static func chunked(_ body: String, headers: [String]) -> String {
        let extra = headers.map { $0 + "\r\n" }.joined()
        let chunk = body.isEmpty ? "" : String(body.utf8.count, radix: 16) + "\r\n" + body + "\r\n"
        return
            "POST /get-online-features HTTP/1.1\r\nHost: 127.0.0.1\r\n\(extra)Transfer-Encoding: chunked\r\n\r\n\(chunk)0\r\n\r\n"
    }

    @Test func answersFromTheBytesMatchTheFullHTTPStackByteForByte() async throws {
        let fixture = try OnlineFeaturesPipelineTests.fixture()
        try await fixture.application().test(.live) { client in
            let port = try #require(client.port)
            for (request, token) in OnlineFeaturesPipelineTests.requests {
                let headers = token.map { ["Authorization: Bearer \($0)"] } ?? []
                let answered = try await RawHTTPConnection.answer(onlineRead(request, headers: headers), port: port)
                let expected = try await RawHTTPConnection.answer(Self.chunked(request, headers: headers), port: port)
                #expect(answered.headWithoutDate == expected.headWithoutDate, "\(request)")
                #expect(answered.body == expected.body, "\(request)")
            }
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrderAcrossTheHandOver() async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.live) { client in
            let port = try #require(client.port)
            let expected = try await RawHTTPConnection.answer(onlineRead(Self.read), port: port).body
            let one = #"{"entities": {"user_id": [1003]}, "feature_service": "fraud_v1"}"#
            let connection = try RawHTTPConnection(port: port)
            try await connection.send(
                onlineRead(Self.read) + onlineRead(one) + "GET /health HTTP/1.1\r\nHost: x\r\n\r\n"
                    + onlineRead(Self.read)
                    + onlineRead("{"))
            #expect(try await connection.response().body == expected)
            #expect(try await connection.response().body.contains(#""NOT_FOUND""#))
            #expect(try await connection.response().body == #"{"status":"ok"}"#)
            #expect(try await connection.response().body == expected)
            #expect(try await connection.response().status == 400)
        }
    }

    @Test func aRequestArrivingByteByByteIsAnswered() async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.live) { client in
            let port = try #require(client.port)
            let expected = try await RawHTTPConnection.answer(onlineRead(Self.read), port: port).body
            let connection = try RawHTTPConnection(port: port)
            for _ in 0..<2 {
                for character in onlineRead(Self.read) {
                    try await connection.send(String(character))
                    try await Task.sleep(for: .microseconds(200))
                }
                #expect(try await connection.response().body == expected)
            }
        }
    }

    @Test func aConnectionClosingRequestIsAnsweredThenClosed() async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.live) { client in
            let connection = try RawHTTPConnection(port: try #require(client.port))
            try await connection.send(onlineRead(Self.read) + onlineRead(Self.read, headers: ["Connection: close"]))
            #expect(try await connection.response().status == 200)
            #expect(try await connection.response().status == 200)
            #expect(await connection.isClosedByServer())
        }
    }
}

/// Requests split at scattered points, and garbage, on raw connections. The orders, split
/// points and bytes come from fixed arithmetic sequences, so a failure replays.
@Suite struct OnlineFeaturesSplitAndGarbageTests {
    /// A scattered but fixed number in `0..<bound` for a position and a round.
    static func scattered(_ position: Int, _ round: Int, below bound: Int) -> Int {
        (position &* 7_919 &+ round &* 104_729 &+ (position * round) % 13) % bound
    }

    @Test func pipelinedRequestsSplitAnywhereGetTheSameAnswers() async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.live) { client in
            let port = try #require(client.port)
            let requests = [
                onlineRead(OnlineFeaturesRawConnectionTests.read),
                onlineRead(#"{"entities": {"user_id": [1003]}, "features": ["user_stats:tx_count"]}"#),
                onlineRead(#"{"entities": {"user_id": [1]}, "feature_service": "nope"}"#),
                onlineRead(OnlineFeaturesRawConnectionTests.read, headers: ["Authorization: Bearer ignored"]),
            ]
            var expected: [String] = []
            for request in requests {
                expected.append(try await RawHTTPConnection.answer(request, port: port).body)
            }
            for round in 0..<20 {
                let order = (0..<8).map { Self.scattered($0, round, below: requests.count) }
                let bytes = Array(order.map { requests[$0] }.joined().utf8)
                let connection = try RawHTTPConnection(port: port)
                var start = 0
                while start < bytes.count {
                    let end = min(bytes.count, start + 1 + Self.scattered(start, round, below: 300))
                    try await connection.send(String(decoding: bytes[start..<end], as: UTF8.self))
                    start = end
                    try await Task.sleep(for: .microseconds(100))
                }
                for index in order {
                    #expect(try await connection.response().body == expected[index], "order \(order)")
                }
            }
        }
    }

    @Test func garbageNeverStopsTheServer() async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.live) { client in
            let port = try #require(client.port)
            let prefixes = [
                "", "POST /get-online-features HTTP/1.1\r\n",
                "POST /get-online-features HTTP/1.1\r\nContent-Length: 5\r\n",
            ]
            for round in 0..<30 {
                let noise = (0..<(1 + Self.scattered(round, 1, below: 400))).map {
                    Character(Unicode.Scalar(UInt8(1 + Self.scattered($0, round, below: 127))))
                }
                let connection = try RawHTTPConnection(port: port)
                try await connection.send(prefixes[round % prefixes.count] + String(noise) + "\r\n\r\n")
                // Any answer or a closed connection will do; the server must stay up.
                _ = try? await connection.response()
            }
            let connection = try RawHTTPConnection(port: port)
            try await connection.send(onlineRead(OnlineFeaturesRawConnectionTests.read))
            #expect(try await connection.response().status == 200)
        }
    }
}
