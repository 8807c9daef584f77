import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Larder
import LarderServer
import Testing

/// Tokens from feature_store.yaml: 401 without one, 403 without the permission, and nothing
/// read or written either way.
@Suite struct AuthTests {
    static func fixture() throws -> ServerFixture {
        try ServerFixture(serverYAML: "server:\n" + ServerFixture.authYAML)
    }

    static let read = #"{"entities": {"user_id": [1001]}, "features": ["user_stats:tx_count"]}"#
    static let push =
        #"{"push_source_name": "clicks_push", "df": {"user_id": [5], "event_timestamp": ["2026-01-01T00:00:00Z"], "clicks": [1]}}"#

    func headers(_ token: String?) -> HTTPFields {
        token.map { [.authorization: "Bearer \($0)"] } ?? [:]
    }

    @Test(
        arguments: [
            ("/get-online-features", read, nil, 401), ("/get-online-features", read, "wrong", 401),
            ("/get-online-features", read, "writer-token", 403), ("/get-online-features", read, "reader-token", 200),
            ("/push", push, nil, 401), ("/push", push, "reader-token", 403), ("/push", push, "writer-token", 200),
            ("/materialize-incremental", #"{"end_ts": "2027-06-01T00:00:00Z"}"#, "reader-token", 403),
            ("/materialize-incremental", #"{"end_ts": "2027-06-01T00:00:00Z"}"#, "writer-token", 200),
        ] as [(String, String, String?, Int)])
    func tokensAndPermissionsAreChecked(uri: String, request: String, token: String?, status: Int) async throws {
        let fixture = try Self.fixture()
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: uri, method: .post, headers: headers(token), body: body(request)) {
                response in
                #expect(Int(response.status.code) == status)
                if status >= 400 {
                    let object = try json(response)
                    #expect(object["error"] is String)
                }
            }
        }
    }

    @Test func aRefusedPushWritesNothing() async throws {
        let fixture = try Self.fixture()
        try await fixture.application().test(.router) { client in
            try await client.execute(
                uri: "/push", method: .post, headers: headers("reader-token"), body: body(Self.push))
            let read = #"{"entities": {"user_id": [5]}, "features": ["user_clicks:clicks"]}"#
            try await client.execute(
                uri: "/get-online-features", method: .post, headers: headers("reader-token"), body: body(read)
            ) { response in
                let results = try #require(try json(response)["results"] as? [[String: Any]])
                #expect(results[1]["statuses"] as? [String] == ["NOT_FOUND"])
            }
        }
    }

    @Test func withoutTokensOnlyLoopbackIsAllowed() throws {
        var configuration = ServerConfiguration()
        configuration.host = "0.0.0.0"
        #expect(throws: ServerConfigurationError.self) { try configuration.checkBinding(ServerSettings()) }
        configuration.allowUnauthenticated = true
        try configuration.checkBinding(ServerSettings())
        configuration = ServerConfiguration()
        try configuration.checkBinding(ServerSettings())
        var secured = ServerSettings()
        secured.tokens = []
        configuration.host = "0.0.0.0"
        try configuration.checkBinding(secured)
    }
}
