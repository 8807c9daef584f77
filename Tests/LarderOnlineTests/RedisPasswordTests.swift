import Foundation
import LarderCore
import LarderRedis
import LarderStores
import LarderTestSupport
import Testing

/// A Redis server that requires a password: the store sends it on every connection, and a
/// missing or wrong one is refused with a message naming the server.
@Suite struct RedisPasswordTests {
    @Test func thePasswordIsSentAndAWrongOneIsNamed() throws {
        let server = try RedisServer(extraArguments: ["--requirepass", "s3cret"])
        func store(password: String?) throws -> RedisOnlineStore {
            try RedisOnlineStore(configuration: .init(connectionString: server.connectionString, password: password))
        }
        let good = try store(password: "s3cret")
        try good.write(view: Fixtures.userStats, rows: [Fixtures.userRow(1)])
        #expect(
            try good.read(
                view: Fixtures.userStats, features: ["tx_count"], entityKeys: [[.int64(1)]], now: Fixtures.now
            )
            .statuses == [.present])

        let wrong = try #require(throws: OnlineStoreError.self) {
            try store(password: "guess").state(of: Fixtures.userStats)
        }
        #expect(wrong.message.contains("refused the password") && wrong.message.contains("\(server.port)"))
        let none = try #require(throws: OnlineStoreError.self) {
            try store(password: nil).read(
                view: Fixtures.userStats, features: ["tx_count"], entityKeys: [[.int64(1)]], now: Fixtures.now)
        }
        #expect(none.message.contains("NOAUTH"))
    }
}
