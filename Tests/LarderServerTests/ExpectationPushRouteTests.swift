import Foundation
import Hummingbird
import HummingbirdTesting
import Larder
import LarderCore
import LarderServer
import Testing

/// `POST /push` against a view with expectations: a refused batch answers 422 naming the rule,
/// column and row; both policies count in `/metrics`.
@Suite struct ExpectationPushRouteTests {
    static func fixture(policy: ExpectationPolicy) throws -> ServerFixture {
        let user = Entity("user", joinKey: "user_id")
        let clicks = FeatureView(
            "user_clicks", entities: [user],
            source: PushSource("clicks_push", batchSource: FileSource("data/clicks.csv", timestamp: "event_timestamp"))
        ) {
            Field("clicks", .int64)
        }
        .expecting(policy) { Expect.between("clicks", 0, 1_000) }
        return try ServerFixture(
            manifest: FeatureRepository { clicks }.manifest,
            files: ["data/clicks.csv": "user_id,event_timestamp,clicks\n1,2026-01-01T00:00:00Z,3\n"])
    }

    static let badPush =
        #"{"push_source_name": "clicks_push", "to": "online_and_offline", "df": {"user_id": [7, 8], "event_timestamp": ["2026-01-02T00:00:00Z", "2026-01-02T00:00:00Z"], "clicks": [2, -5]}}"#

    /// The value of the violation counter with these labels, whatever order they are printed in.
    func violations(_ client: some TestClientProtocol, policy: String) async throws -> String? {
        let text = try await client.execute(uri: "/metrics", method: .get) { String(buffer: $0.body) }
        let labels = [#"column="clicks""#, #"feature_view="user_clicks""#, #"policy="\#(policy)""#, #"rule="between""#]
        let line = text.split(separator: "\n").first { line in
            line.hasPrefix("larder_expectation_violations_total{") && labels.allSatisfy { line.contains($0) }
        }
        return line.flatMap { $0.split(separator: " ").last.map(String.init) }
    }

    @Test func aRefusedBatchAnswers422AndIsCounted() async throws {
        let fixture = try Self.fixture(policy: .reject)
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/push", method: .post, body: body(Self.badPush)) { response in
                #expect(response.status == .unprocessableContent)
                let object = try json(response)
                #expect(object["error"] as? String == "expectation_failed")
                #expect(
                    object["detail"] as? String
                        == "the pushed rows were refused: feature view 'user_clicks': between(0, 1000) on 'clicks' failed for 1 of 2 rows: row 1 (-5)"
                )
            }
            let read = #"{"entities": {"user_id": [7]}, "features": ["user_clicks:clicks"]}"#
            try await client.execute(uri: "/get-online-features", method: .post, body: body(read)) { response in
                let results = try #require(try json(response)["results"] as? [[String: Any]])
                #expect(results[1]["statuses"] as? [String] == ["NOT_FOUND"])
            }
            #expect(try await violations(client, policy: "reject") == "1")
        }
    }

    @Test func aWarnedBatchIsWrittenAndCounted() async throws {
        let fixture = try Self.fixture(policy: .warn)
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/push", method: .post, body: body(Self.badPush)) { response in
                #expect(response.status == .ok)
            }
            #expect(try await violations(client, policy: "warn") == "1")
        }
    }

    @Test func theConsoleShowsAViewsExpectations() async throws {
        let fixture = try Self.fixture(policy: .warn)
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/ui/feature-views/user_clicks", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("<h2>Expectations</h2>"))
                #expect(page.contains("policy warn: rows that break one are kept and counted"))
                #expect(page.contains("<code>between(0, 1000) on &#39;clicks&#39;</code>"), "\(page)")
            }
        }
    }
}
