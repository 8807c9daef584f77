import Foundation
import Hummingbird
import HummingbirdTesting
import Larder
import LarderCore
import LarderServer
import Testing

/// Aggregated features over HTTP: events pushed with `/push` count in the next
/// `/get-online-features`, next to stored features, as Feast's clients read them.
@Suite struct AggregationServingTests {
    static func manifest() -> Manifest {
        let user = Entity("user", joinKey: "user_id")
        let payments = PushSource("payments_push", batchSource: FileSource("data/payments.csv", name: "payments"))
        let view = FeatureView("user_payments", entities: [user], source: payments) {
            Aggregation.count(windows: "1h", "1d")
            Aggregation("amount", .sum, window: "1d", type: .float64)
            Aggregation("merchant_id", .countDistinct, window: "1d", name: "merchants_1d", type: .int64)
        }
        return FeatureRepository {
            view
            ServerFixture.manifest.featureViews[0]
            FeatureService("scoring") {
                view
                ServerFixture.manifest.featureViews[0]
            }
        }.manifest
    }

    @Test(arguments: ServedStores.allCases) func pushedEventsCountInTheNextRead(stores: ServedStores) async throws {
        let fixture = try ServerFixture(
            serverYAML: stores.yaml, manifest: Self.manifest(),
            files: [
                "data/users.csv": ServerFixture.csv + "\n",
                "data/payments.csv": "user_id,merchant_id,amount,event_timestamp\n",
            ])
        let now = Timestamp.now
        @Sendable func time(minutesAgo: Int) -> String { "\"\(now - .minutes(minutesAgo))\"" }
        try await fixture.application().test(.router) { client in
            let read = #"{"feature_service": "scoring", "entities": {"user_id": [1001, 1003]}}"#
            func features() async throws -> [String: [Any]] {
                try await client.execute(uri: "/get-online-features", method: .post, body: body(read)) { response in
                    #expect(response.status == .ok)
                    let object = try json(response)
                    let names = try #require((object["metadata"] as? [String: Any])?["feature_names"] as? [String])
                    let results = try #require(object["results"] as? [[String: Any]])
                    return Dictionary(uniqueKeysWithValues: zip(names, results.map { $0["values"] as? [Any] ?? [] }))
                }
            }
            let before = try await features()
            #expect(before["count_1d"] as? [Int] == [0, 0])
            #expect(before["avg_amount"]?.first as? Double == 7.25)
            let push = """
                {"push_source_name": "payments_push", "to": "online_and_offline", "df": {"user_id": [1001, 1001, 1003],
                 "merchant_id": [5, 6, 5], "amount": [10.5, 2.25, 99], "event_timestamp": [\(time(minutesAgo: 90)), \(time(minutesAgo: 5)), \(time(minutesAgo: 1))]}}
                """
            try await client.execute(uri: "/push", method: .post, body: body(push)) { #expect($0.status == .ok) }
            let after = try await features()
            #expect(after["count_1h"] as? [Int] == [1, 1])
            #expect(after["count_1d"] as? [Int] == [2, 1])
            #expect(after["amount_sum_1d"] as? [Double] == [12.75, 99])
            #expect(after["merchants_1d"] as? [Int] == [2, 1])
            let wrong =
                #"{"push_source_name": "payments_push", "df": {"user_id": [1001], "event_timestamp": [\#(time(minutesAgo: 1))]}}"#
            try await client.execute(uri: "/push", method: .post, body: body(wrong)) { response in
                #expect(response.status.code / 100 == 4)
                #expect(String(buffer: response.body).contains("amount"))
            }
            #expect(try await features()["count_1d"] as? [Int] == [2, 1])
        }
    }
}
