import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LarderServer
import Testing

/// The statuses docs/openapi.yaml promises beyond a route's own errors: 405 with `Allow` for a
/// method a path does not take, 415 for a body that is not JSON, and RFC 3339 instants far
/// outside the stores' range taken as its bounds.
@Suite struct ContractStatusTests {
    static let postPaths = [
        "/get-online-features", "/push", "/write-to-online-store", "/materialize", "/materialize-incremental",
    ]

    @Test(arguments: [
        ("/get-online-features", HTTPRequest.Method.get, "POST"), ("/push", .put, "POST"), ("/push/", .delete, "POST"),
        ("/write-to-online-store", .patch, "POST"), ("/materialize", .get, "POST"),
        ("/materialize-incremental", .options, "POST"), ("/health", .post, "GET"), ("/metrics", .delete, "GET"),
    ])
    func otherMethodsGet405WithAllow(path: String, method: HTTPRequest.Method, allow: String) async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: path, method: method) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == allow)
                let object = try json(response)
                #expect(object["error"] as? String == "method_not_allowed")
                #expect((object["detail"] as? String)?.contains(method.rawValue) == true)
            }
        }
    }

    @Test(arguments: postPaths)
    func bodiesThatAreNotJSONGet415(path: String) async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.router) { client in
            try await client.execute(
                uri: path, method: .post, headers: [.contentType: "text/plain"], body: body("{}")
            ) { response in
                #expect(response.status == .unsupportedMediaType)
                let object = try json(response)
                #expect(object["error"] as? String == "unsupported_media_type")
                #expect((object["detail"] as? String)?.contains("text/plain") == true)
            }
        }
    }

    @Test func jsonWithParametersIsAccepted() async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.router) { client in
            let read = #"{"entities": {"user_id": [1001]}, "feature_service": "fraud_v1"}"#
            try await client.execute(
                uri: "/get-online-features", method: .post, headers: [.contentType: "Application/JSON; charset=utf-8"],
                body: body(read)
            ) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func anyRFC3339RangeIsMaterialized() async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.router) { client in
            let request = #"{"start_ts": "0148-11-17T13:04:07.5Z", "end_ts": "5163-05-24T03:11:44+21:23"}"#
            try await client.execute(uri: "/materialize", method: .post, body: body(request)) { response in
                #expect(response.status == .ok)
                let views = try #require(try json(response)["feature_views"] as? [[String: Any]])
                #expect(views.first?["start"] as? String == "1677-09-22T00:00:00Z")
                #expect(views.first?["end"] as? String == "2262-04-11T00:00:00Z")
            }
        }
    }
}
