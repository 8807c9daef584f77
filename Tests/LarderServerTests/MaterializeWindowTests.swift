import Foundation
import Hummingbird
import HummingbirdTesting
import Larder
import LarderServer
import Testing

/// A materialization window that runs backwards is a 422 naming the times (the request is
/// well formed; its times cannot be materialized), and nothing is recorded in the registry.
@Suite struct MaterializeWindowTests {
    @Test func endBeforeStartIsUnprocessable() async throws {
        let fixture = try ServerFixture()
        let before = try fixture.store.registry().materializations
        try await fixture.application().test(.router) { client in
            let backwards = #"{"start_ts": "2026-06-01T00:00:00Z", "end_ts": "2026-01-01T00:00:00Z"}"#
            try await client.execute(uri: "/materialize", method: .post, body: body(backwards)) { response in
                #expect(response.status == .unprocessableContent)
                let object = try json(response)
                #expect(object["error"] as? String == "invalid_window")
                #expect((object["detail"] as? String)?.contains("is after the end") == true)
            }
        }
        #expect(try fixture.store.registry().materializations == before)
    }

    @Test func incrementalEndBeforeTheLastRunIsABadRequest() async throws {
        let fixture = try ServerFixture()
        let before = try fixture.store.registry().materializations
        try await fixture.application().test(.router) { client in
            let backwards = #"{"end_ts": "2020-01-01T00:00:00Z"}"#
            try await client.execute(uri: "/materialize-incremental", method: .post, body: body(backwards)) {
                response in
                #expect(response.status == .unprocessableContent)
                let detail = try #require(try json(response)["detail"] as? String)
                #expect(
                    detail.contains(
                        "is before where feature view 'user_stats' was last materialized (2027-01-01T00:00:00Z)"))
            }
        }
        #expect(try fixture.store.registry().materializations == before)
    }
}
