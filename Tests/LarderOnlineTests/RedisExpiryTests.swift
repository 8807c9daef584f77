import Foundation
import LarderCore
import LarderStores
import LarderTestSupport
import Testing

@testable import LarderRedis

/// Key expiry from the TTL, when a Redis store is configured for it: a key lives until its
/// newest row leaves the TTL, the latest over the views sharing it, and for ever once a view
/// without TTL shares it. Without the setting, keys never expire.
@Suite struct RedisExpiryTests {
    private static let now = Timestamp.now

    private func store(expire: Bool) throws -> RedisOnlineStore {
        try RedisOnlineStore(
            configuration: .init(
                connectionString: RedisServer.shared.get().connectionString, keyPrefix: "expiry-\(UUID().uuidString):",
                expireFromTTL: expire))
    }

    /// The milliseconds until a user's key in `view` expires: -1 for never, -2 for no key.
    private func remaining(
        _ store: RedisOnlineStore, _ user: Int64, view: OnlineViewSchema = Fixtures.userStats
    )
        throws -> Int64
    {
        var key = store.keyHead(view)
        try EntityKeyCodec.appendKey(columns: view.joinKeys, view: view.name, count: 1, to: &key) { _ in .int64(user) }
        let reply = try store.client.send([RedisCommand([Array("PTTL".utf8), key])], to: store.client.seeds[0])[0]
        return try #require(reply.integer)
    }

    @Test func keysExpireWhenTheirNewestRowLeavesTheTTL() throws {
        let store = try store(expire: true)
        let day: Int64 = 86_400_000
        try store.write(
            view: Fixtures.userStats,
            rows: [
                Fixtures.userRow(1, event: Self.now - .days(1)),  // fresh for 6 more days
                Fixtures.userRow(2, event: Self.now - .days(8)),  // already past the 7-day TTL
            ])
        let first = try remaining(store, 1)
        #expect(first > 6 * day - 60_000 && first <= 6 * day)
        #expect(try remaining(store, 2) == -2)
        #expect(
            try store.read(view: Fixtures.userStats, features: ["tx_count"], entityKeys: [[.int64(2)]]).statuses == [
                .notFound
            ])

        // A newer row extends the key's life.
        try store.write(view: Fixtures.userStats, rows: [Fixtures.userRow(1, version: 2, event: Self.now)])
        #expect(try remaining(store, 1) > 7 * day - 60_000)

        // A view without TTL on the same entity key keeps the key for ever.
        var forever = Fixtures.userStats
        forever.name = "user_profile"
        forever.ttl = nil
        try store.write(view: forever, rows: [Fixtures.userRow(1)])
        #expect(try remaining(store, 1) == -1)
        // And a later write of the view with a TTL does not make it expire again.
        try store.write(
            view: Fixtures.userStats, rows: [Fixtures.userRow(1, version: 3, event: Self.now + .seconds(1))])
        #expect(try remaining(store, 1) == -1)
    }

    @Test func withoutTheSettingKeysNeverExpire() throws {
        let store = try store(expire: false)
        try store.write(view: Fixtures.userStats, rows: [Fixtures.userRow(1, event: Self.now - .days(8))])
        #expect(try remaining(store, 1) == -1)
        #expect(
            try store.read(view: Fixtures.userStats, features: ["tx_count"], entityKeys: [[.int64(1)]]).statuses == [
                .outsideMaxAge
            ])
    }
}
