import Foundation
import Hummingbird
import HummingbirdTesting
import Larder
import LarderServer
import Testing

/// Every bad request gets a 4xx with `{"error", "detail"}` naming what was wrong; never a 500.
@Suite struct ErrorResponseTests {
    struct Case: Sendable, CustomStringConvertible {
        var uri: String
        var body: String
        var status: Int
        var mentions: String
        var description: String { "\(uri) \(body.prefix(60)) → \(status)" }
    }

    static let cases: [Case] = [
        Case(uri: "/get-online-features", body: "{not json", status: 400, mentions: "not valid JSON"),
        Case(uri: "/get-online-features", body: "[1, 2]", status: 400, mentions: "JSON object"),
        Case(
            uri: "/get-online-features", body: #"{"features": ["user_stats:tx_count"]}"#, status: 400,
            mentions: "'entities'"),
        Case(
            uri: "/get-online-features", body: #"{"entities": {"user_id": 1001}, "features": ["user_stats:tx_count"]}"#,
            status: 400, mentions: "entities.user_id"),
        Case(
            uri: "/get-online-features", body: #"{"entities": {"user_id": [1001]}}"#, status: 400,
            mentions: "feature_service"),
        Case(
            uri: "/get-online-features", body: #"{"entities": {"user_id": [1001]}, "features": ["tx_count"]}"#,
            status: 400, mentions: "feature_view:feature"),
        Case(
            uri: "/get-online-features", body: #"{"entities": {"user_id": [1001]}, "features": ["nope:tx_count"]}"#,
            status: 404, mentions: "nope"),
        Case(
            uri: "/get-online-features", body: #"{"entities": {"user_id": [1001]}, "features": ["user_stats:nope"]}"#,
            status: 404, mentions: "nope"),
        Case(
            uri: "/get-online-features", body: #"{"entities": {"user_id": [1001]}, "feature_service": "nope"}"#,
            status: 404, mentions: "nope"),
        Case(
            uri: "/get-online-features", body: #"{"entities": {}, "features": ["user_stats:tx_count"]}"#, status: 400,
            mentions: "'entities' has no columns"),
        Case(
            uri: "/get-online-features",
            body: #"{"entities": {"user_id": [1001]}, "feature_service": "fraud_v1", "features": ["tx_count"]}"#,
            status: 400, mentions: "feature_view:feature"),
        Case(
            uri: "/get-online-features",
            body: #"{"entities": {"user_id": [1001]}, "feature_service": "fraud_v1", "full_feature_names": 1}"#,
            status: 400, mentions: "full_feature_names"),
        // The document's shape, but not the repository's keys: 422.
        Case(
            uri: "/get-online-features",
            body: #"{"entities": {"customer_id": [1001]}, "features": ["user_stats:tx_count"]}"#, status: 422,
            mentions: "user_id"),
        Case(
            uri: "/get-online-features",
            body: #"{"entities": {"user_id": ["a"]}, "features": ["user_stats:tx_count"]}"#, status: 422,
            mentions: "user_id"),
        Case(
            uri: "/get-online-features",
            body: #"{"entities": {"user_id": [1001], "other": [1, 2]}, "features": ["user_stats:tx_count"]}"#,
            status: 422, mentions: "other"),
        Case(uri: "/push", body: #"{"df": {"user_id": [1]}}"#, status: 400, mentions: "'push_source_name' is required"),
        Case(
            uri: "/push", body: #"{"push_source_name": 7, "df": {"user_id": [1]}}"#, status: 400,
            mentions: "'push_source_name' must be a string"),
        Case(
            uri: "/push", body: #"{"push_source_name": "clicks_push", "df": {}}"#, status: 400,
            mentions: "'df' has no columns"),
        Case(
            uri: "/push", body: #"{"push_source_name": "clicks_push", "df": {"user_id": 1}}"#, status: 400,
            mentions: "'df.user_id' must be an array"),
        Case(
            uri: "/push", body: #"{"push_source_name": "clicks_push", "df": {"user_id": [1, {"a": 1}]}}"#, status: 400,
            mentions: "'df.user_id[1]': objects"),
        Case(
            uri: "/push", body: #"{"push_source_name": "clicks_push", "df": {"user_id": [[1, [2]]]}}"#, status: 400,
            mentions: "'df.user_id[0][1]'"),
        Case(
            uri: "/push", body: "{\"push_source_name\": \"clicks_push\",\n \"df\": {\"user_id\": [1,, 2]}}",
            status: 400, mentions: "not valid JSON: unexpected character"),
        Case(uri: "/push", body: "[]", status: 400, mentions: "the body must be a JSON object"),
        Case(
            uri: "/push", body: #"{"push_source_name": "nope", "df": {"user_id": [1]}}"#, status: 404, mentions: "nope"),
        Case(
            uri: "/push", body: #"{"push_source_name": "clicks_push", "df": {"user_id": [1]}, "to": "moon"}"#,
            status: 400, mentions: "moon"),
        Case(
            uri: "/push",
            body:
                #"{"push_source_name": "clicks_push", "df": {"user_id": [1], "event_timestamp": ["2026-01-01T00:00:00Z"]}}"#,
            status: 422, mentions: "clicks"),
        Case(
            uri: "/push",
            body:
                #"{"push_source_name": "clicks_push", "df": {"user_id": [1], "event_timestamp": ["2026-01-01T00:00:00Z"], "clicks": ["many"]}}"#,
            status: 422, mentions: "clicks"),
        Case(
            uri: "/push",
            body:
                #"{"push_source_name": "clicks_push", "df": {"user_id": [1, 2], "event_timestamp": ["2026-01-01T00:00:00Z"], "clicks": [1]}}"#,
            status: 422, mentions: "user_id"),
        Case(
            uri: "/write-to-online-store", body: #"{"feature_view_name": "nope", "df": {"user_id": [1]}}"#, status: 404,
            mentions: "nope"),
        Case(
            uri: "/write-to-online-store", body: #"{"feature_view_name": "user_stats", "df": {}}"#, status: 400,
            mentions: "'df' has no columns"),
        Case(uri: "/materialize", body: #"{"end_ts": "2026-01-01T00:00:00Z"}"#, status: 400, mentions: "start_ts"),
        Case(
            uri: "/materialize", body: #"{"start_ts": "yesterday", "end_ts": "2026-01-01T00:00:00Z"}"#, status: 400,
            mentions: "'start_ts': 'yesterday'"),
        Case(
            uri: "/materialize", body: #"{"start_ts": "2026-01-01", "end_ts": "2026-01-02T00:00:00Z"}"#, status: 400,
            mentions: "RFC 3339"),
        Case(
            uri: "/materialize", body: #"{"start_ts": "2026-01-01T00:00:00Z", "end_ts": 1767225600}"#, status: 400,
            mentions: "'end_ts' must be a string"),
        Case(
            uri: "/materialize", body: #"{"start_ts": "2026-01-01T00:00:00Z", "end_ts": null}"#, status: 400,
            mentions: "'end_ts' must be a string, not null"),
        Case(
            uri: "/materialize",
            body: #"{"start_ts": "2026-01-01T00:00:00Z", "end_ts": "2026-01-02T00:00:00Z", "feature_views": [1]}"#,
            status: 400, mentions: "'feature_views[0]' must be a string"),
        Case(
            uri: "/materialize-incremental", body: #"{"end_ts": "2026-01-01T00:00:00Z", "feature_views": ["nope"]}"#,
            status: 404, mentions: "nope"),
    ]

    @Test(arguments: cases)
    func badRequestsAreNamed(_ testCase: Case) async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: testCase.uri, method: .post, body: body(testCase.body)) { response in
                #expect(Int(response.status.code) == testCase.status)
                let object = try json(response)
                #expect(object["error"] is String)
                let detail = try #require(object["detail"] as? String)
                #expect(detail.contains(testCase.mentions), "detail: \(detail)")
            }
        }
    }

    @Test func bodiesOverTheLimitGet413() async throws {
        let fixture = try ServerFixture(serverYAML: "server: {max_body_bytes: 100, max_entity_rows: 2}\n")
        try await fixture.application().test(.router) { client in
            let large =
                #"{"entities": {"user_id": ["# + String(repeating: "1001,", count: 40)
                + #"1]}, "features": ["user_stats:tx_count"]}"#
            try await client.execute(uri: "/get-online-features", method: .post, body: body(large)) { response in
                #expect(response.status == .contentTooLarge)
                let object = try json(response)
                #expect(object["error"] as? String == "body_too_large")
            }
            let rows = #"{"entities": {"user_id": [1, 2, 3]}, "features": ["user_stats:tx_count"]}"#
            try await client.execute(uri: "/get-online-features", method: .post, body: body(rows)) { response in
                #expect(response.status == .contentTooLarge)
                let detail = try json(response)["detail"] as? String ?? ""
                #expect(detail.contains("max_entity_rows"))
            }
        }
    }

    @Test func unknownPathsAre404() async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/nowhere", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
