import Foundation
import Hummingbird
import HummingbirdTesting
import Larder
import LarderCore
import LarderServer
import Testing

/// `/push`, `/write-to-online-store`, `/materialize`, `/materialize-incremental`, `/health`,
/// `/metrics`.
@Suite struct WriteAndMaterializeTests {
    func clicks(_ client: some TestClientProtocol, users: String) async throws -> [String: Any] {
        let read = #"{"entities": {"user_id": \#(users)}, "features": ["user_clicks:clicks"]}"#
        return try await client.execute(uri: "/get-online-features", method: .post, body: body(read)) { try json($0) }
    }

    @Test(arguments: ServedStores.allCases) func pushGoesOnlineNewerWins(stores: ServedStores) async throws {
        let fixture = try ServerFixture(stores: stores)
        try await fixture.application().test(.router) { client in
            let push =
                #"{"push_source_name": "clicks_push", "to": "online", "df": {"user_id": [7, 7, 8], "event_timestamp": ["2026-01-02T00:00:00Z", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"], "clicks": [2, 1, 5]}}"#
            try await client.execute(uri: "/push", method: .post, body: body(push)) { response in
                #expect(response.status == .ok)
                let object = try json(response)
                #expect(object["rows"] as? Int == 3)
            }
            let older =
                #"{"push_source_name": "clicks_push", "df": {"user_id": [7], "event_timestamp": ["2025-12-01T00:00:00Z"], "clicks": [99]}}"#
            try await client.execute(uri: "/push", method: .post, body: body(older)) { #expect($0.status == .ok) }
            let results = try #require(try await clicks(client, users: "[7, 8]")["results"] as? [[String: Any]])
            #expect(results[1]["values"] as? [Int] == [2, 5])
            #expect(results[1]["event_timestamps"] as? [String] == ["2026-01-02T00:00:00Z", "2026-01-01T00:00:00Z"])
        }
    }

    @Test(arguments: ServedStores.allCases) func pushOfflineIsVisibleToMaterialization(
        stores: ServedStores
    ) async throws {
        let fixture = try ServerFixture(stores: stores)
        try await fixture.application().test(.router) { client in
            let push =
                #"{"push_source_name": "clicks_push", "to": "offline", "df": {"user_id": [9], "event_timestamp": ["2026-03-01T00:00:00Z"], "clicks": [4]}}"#
            try await client.execute(uri: "/push", method: .post, body: body(push)) { #expect($0.status == .ok) }
            var results = try #require(try await clicks(client, users: "[9]")["results"] as? [[String: Any]])
            #expect(results[1]["statuses"] as? [String] == ["NOT_FOUND"])
            let materialize =
                #"{"start_ts": "2026-01-01T00:00:00Z", "end_ts": "2026-12-31T00:00:00Z", "feature_views": ["user_clicks"]}"#
            try await client.execute(uri: "/materialize", method: .post, body: body(materialize)) { response in
                #expect(response.status == .ok)
                let views = try #require(try json(response)["feature_views"] as? [[String: Any]])
                #expect(views.first?["name"] as? String == "user_clicks")
                #expect(views.first?["keys_written"] as? Int == 1)
            }
            results = try #require(try await clicks(client, users: "[9]")["results"] as? [[String: Any]])
            #expect(results[1]["values"] as? [Int] == [4])
        }
    }

    @Test(arguments: ServedStores.allCases) func writeToOnlineStoreTakesFeastsRemoteFormat(
        stores: ServedStores
    ) async throws {
        let fixture = try ServerFixture(stores: stores)
        try await fixture.application().test(.router) { client in
            // What Feast's remote online store sends: naive ISO times, `created` possibly null.
            let write =
                #"{"feature_view_name": "user_stats", "allow_registry_cache": false, "df": {"user_id": [1003], "avg_amount": [1.5], "tx_count": [2], "event_timestamp": ["2026-02-01T00:00:00"], "created": [null]}}"#
            try await client.execute(uri: "/write-to-online-store", method: .post, body: body(write)) { response in
                #expect(response.status == .ok)
            }
            let read = #"{"entities": {"user_id": [1003]}, "features": ["user_stats:avg_amount"]}"#
            try await client.execute(uri: "/get-online-features", method: .post, body: body(read)) { response in
                let results = try #require(try json(response)["results"] as? [[String: Any]])
                #expect(results[1]["values"] as? [Double] == [1.5])
            }
        }
    }

    @Test(arguments: ServedStores.allCases) func materializeIncrementalReportsEachView(
        stores: ServedStores
    ) async throws {
        let fixture = try ServerFixture(stores: stores)
        try await fixture.application().test(.router) { client in
            try await client.execute(
                uri: "/materialize-incremental", method: .post, body: body(#"{"end_ts": "2027-06-01T00:00:00Z"}"#)
            ) { response in
                #expect(response.status == .ok)
                let views = try #require(try json(response)["feature_views"] as? [[String: Any]])
                #expect(views.compactMap { $0["name"] as? String }.contains("user_stats"))
            }
        }
    }

    @Test(arguments: ServedStores.allCases) func healthAndMetrics(stores: ServedStores) async throws {
        let fixture = try ServerFixture(stores: stores)
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { #expect($0.status == .ok) }
            let read = #"{"entities": {"user_id": [1001, 1003]}, "features": ["user_stats:tx_count"]}"#
            try await client.execute(uri: "/get-online-features", method: .post, body: body(read))
            try await client.execute(uri: "/get-online-features", method: .post, body: body("{"))
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.contains(#"larder_http_requests_total{endpoint="/get-online-features",status="200"} 1"#))
                #expect(text.contains(#"larder_http_requests_total{endpoint="/get-online-features",status="400"} 1"#))
                #expect(text.contains("larder_http_request_duration_seconds_bucket"))
                #expect(text.contains("larder_entity_rows_served_total 2"))
                #expect(text.contains(#"larder_feature_lookups_total{status="NOT_FOUND"} 1"#))
                #expect(text.contains(#"larder_feature_lookups_total{status="PRESENT"} 1"#))
            }
        }
    }
}
