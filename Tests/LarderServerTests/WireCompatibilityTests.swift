import Foundation
import Hummingbird
import HummingbirdTesting
import Larder
import LarderCore
import LarderServer
import Testing

/// Values as Feast's feature server has them on the wire: an `int32` join key looked up by a
/// JSON integer, and `timestamp` feature values as integer seconds since the epoch.
@Suite struct WireCompatibilityTests {
    /// A repository whose entity has an `int32` join key and whose view has a timestamp
    /// feature; shop 7 has a row, shop 8 none.
    static func fixture() throws -> ServerFixture {
        let shop = Entity("shop", joinKey: "shop_id", type: .int32)
        let stats = FeatureView(
            "shop_stats", entities: [shop], source: FileSource("data/shops.csv", timestamp: "event_timestamp")
        ) {
            Field("opened", .timestamp)
            Field("visits", .int64)
        }
        return try ServerFixture(
            manifest: FeatureRepository {
                shop
                stats
            }.manifest,
            files: [
                "data/shops.csv":
                    "shop_id,event_timestamp,opened,visits\n7,2026-01-02T00:00:00Z,2024-05-06T07:08:09.5Z,12\n"
            ])
    }

    static let read = #"{"entities": {"shop_id": [7, 8]}, "features": ["shop_stats:opened", "shop_stats:visits"]}"#

    @Test(arguments: [TestingSetup.router, .live])
    func anInt32JoinKeyIsFoundFromAJSONInteger(setup: TestingSetup) async throws {
        let fixture = try Self.fixture()
        try await fixture.application().test(setup) { client in
            try await client.execute(uri: "/get-online-features", method: .post, body: body(Self.read)) { response in
                #expect(response.status == .ok)
                let results = try #require(try json(response)["results"] as? [[String: Any]])
                #expect(results[0]["values"] as? [Int] == [7, 8])
                let visits = try #require(results[2]["values"] as? [Any])
                #expect(visits.first as? Int == 12)
                #expect(visits.last is NSNull)
                #expect(results[2]["statuses"] as? [String] == ["PRESENT", "NOT_FOUND"])
            }
            let tooWide = #"{"entities": {"shop_id": [4294967296]}, "features": ["shop_stats:visits"]}"#
            try await client.execute(uri: "/get-online-features", method: .post, body: body(tooWide)) { response in
                #expect(response.status == .unprocessableContent)
                let object = try json(response)
                #expect(object["error"] as? String == "invalid_entity_key")
            }
        }
    }

    @Test(arguments: [TestingSetup.router, .live])
    func timestampValuesAreEpochSecondsAsFeastWritesThem(setup: TestingSetup) async throws {
        let fixture = try Self.fixture()
        try await fixture.application().test(setup) { client in
            try await client.execute(uri: "/get-online-features", method: .post, body: body(Self.read)) { response in
                let text = String(buffer: response.body)
                // 2024-05-06T07:08:09.5Z: the fraction of a second is dropped, as Feast's
                // UnixTimestamp holds whole seconds; event times stay RFC 3339.
                #expect(
                    text.contains(
                        #"{"values":[1714979289,null],"statuses":["PRESENT","NOT_FOUND"],"event_timestamps":["2026-01-02T00:00:00Z","1970-01-01T00:00:00Z"]}"#
                    ))
            }
        }
    }
}
