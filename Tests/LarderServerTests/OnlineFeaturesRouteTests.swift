import Foundation
import Hummingbird
import HummingbirdTesting
import Larder
import LarderCore
import LarderServer
import Testing

/// `POST /get-online-features`: Feast's wire format, statuses and timestamps.
@Suite struct OnlineFeaturesRouteTests {
    @Test(arguments: ServedStores.allCases) func featuresComeBackColumnOrientedWithJoinKeysFirst(
        stores: ServedStores
    ) async throws {
        let fixture = try ServerFixture(stores: stores)
        try await fixture.application().test(.router) { client in
            let request =
                #"{"entities": {"user_id": [1001, 1002, 1003]}, "features": ["user_stats:tx_count", "user_stats:avg_amount"]}"#
            try await client.execute(uri: "/get-online-features", method: .post, body: body(request)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                let object = try json(response)
                let metadata = try #require(object["metadata"] as? [String: Any])
                #expect(metadata["feature_names"] as? [String] == ["user_id", "tx_count", "avg_amount"])
                let results = try #require(object["results"] as? [[String: Any]])
                #expect(results.count == 3)
                #expect(results[0]["values"] as? [Int] == [1001, 1002, 1003])
                #expect(results[0]["statuses"] as? [String] == ["PRESENT", "PRESENT", "PRESENT"])
                #expect(
                    results[0]["event_timestamps"] as? [String] == Array(repeating: "1970-01-01T00:00:00Z", count: 3))
                let counts = try #require(results[1]["values"] as? [Any])
                #expect(counts[0] as? Int == 4)
                #expect(counts[1] as? Int == 9)
                #expect(counts[2] is NSNull)
                #expect(results[1]["statuses"] as? [String] == ["PRESENT", "PRESENT", "NOT_FOUND"])
                #expect(
                    results[1]["event_timestamps"] as? [String] == [
                        "2026-01-02T00:00:00.123Z", "2026-01-02T00:00:00Z", "1970-01-01T00:00:00Z",
                    ])
                let amounts = try #require(results[2]["values"] as? [Any])
                #expect(amounts[0] as? Double == 7.25)
                #expect(amounts[1] is NSNull)
                #expect(results[2]["statuses"] as? [String] == ["PRESENT", "NULL_VALUE", "NOT_FOUND"])
            }
        }
    }

    @Test(arguments: ServedStores.allCases) func integersAreWrittenAsJSONIntegersAndFloatsAsNumbers(
        stores: ServedStores
    ) async throws {
        let fixture = try ServerFixture(stores: stores)
        try await fixture.application().test(.router) { client in
            let request =
                #"{"entities": {"user_id": [1001]}, "features": ["user_stats:tx_count", "user_stats:avg_amount"]}"#
            try await client.execute(uri: "/get-online-features", method: .post, body: body(request)) { response in
                let text = String(buffer: response.body)
                #expect(text.contains(#"{"values":[4],"statuses":["PRESENT"]"#))
                #expect(text.contains(#"{"values":[7.25],"statuses":["PRESENT"]"#))
            }
        }
    }

    @Test(arguments: ServedStores.allCases) func aFeatureServiceWithFullFeatureNames(stores: ServedStores) async throws
    {
        let fixture = try ServerFixture(stores: stores)
        try await fixture.application().test(.router) { client in
            let request =
                #"{"entities": {"user_id": [1001]}, "feature_service": "fraud_v1", "full_feature_names": true}"#
            try await client.execute(uri: "/get-online-features", method: .post, body: body(request)) { response in
                #expect(response.status == .ok)
                let metadata = try #require(try json(response)["metadata"] as? [String: Any])
                #expect(
                    metadata["feature_names"] as? [String] == [
                        "user_id", "user_stats__avg_amount", "user_stats__tx_count",
                    ])
            }
        }
    }

    @Test(arguments: ServedStores.allCases) func aNewApplyIsServedWithoutRestart(stores: ServedStores) async throws {
        let fixture = try ServerFixture(stores: stores)
        try await fixture.application().test(.router) { client in
            let request = #"{"entities": {"user_id": [1001]}, "feature_service": "fraud_v2"}"#
            try await client.execute(uri: "/get-online-features", method: .post, body: body(request)) { response in
                #expect(response.status == .notFound)
            }
            var manifest = ServerFixture.manifest
            manifest.featureServices.append(
                FeatureService(name: "fraud_v2", selections: [FeatureSelection(featureView: "user_stats")]))
            // Served by the very next request: an apply through the store replaces its cached registry.
            try fixture.store.apply(manifest)
            try await client.execute(uri: "/get-online-features", method: .post, body: body(request)) { response in
                #expect(response.status == .ok)
            }
        }
    }
}
