import Foundation
import LarderCore
import LarderStores
import LarderTestSupport
import Testing

@testable import LarderRedis

/// The Redis store on a 3-primary cluster the tests start: keys spread over the nodes, slot
/// moves followed, and a frozen node failing only its own keys, within the timeout, until it
/// returns.
@Suite struct RedisClusterTests {
    private static let users = Array(Int64(1)...300)

    private func store(_ cluster: RedisCluster, timeout: Duration = .seconds(3)) throws -> RedisOnlineStore {
        try RedisOnlineStore(
            configuration: .init(
                connectionString: cluster.seed, cluster: true, keyPrefix: "cluster-\(UUID().uuidString):",
                timeout: timeout))
    }

    private func readAll(_ store: RedisOnlineStore, _ users: [Int64] = users) throws -> OnlineReadResult {
        try store.read(
            view: Fixtures.userStats, features: ["tx_count"], entityKeys: users.map { [.int64($0)] },
            now: Fixtures.now)
    }

    /// The port of the node holding a user's hash, by the client's slot map.
    private func port(of user: Int64, in store: RedisOnlineStore) throws -> Int {
        var key = store.keyHead(Fixtures.userStats)
        try EntityKeyCodec.appendKey(columns: Fixtures.userStats.joinKeys, view: "user_stats", count: 1, to: &key) {
            _ in .int64(user)
        }
        return try store.client.endpoint(forSlot: HashSlot.of(key)).port
    }

    @Test func aRequestsKeysSpreadOverEveryNodeAndAreReadInOne() throws {
        let cluster = try RedisCluster.shared.get()
        let store = try store(cluster)
        try store.write(view: Fixtures.userStats, rows: Self.users.map { Fixtures.userRow($0, version: 3) })
        let ports = try Set(Self.users.map { try port(of: $0, in: store) })
        #expect(ports == Set(cluster.nodes.map(\.port)))
        for node in cluster.nodes {
            let keys = try node.cli(["--scan", "--pattern", store.configuration.keyPrefix + "*"])
            #expect(keys.split(separator: "\n").count > 50, "node \(node.port) holds too few of the 300 keys")
        }
        let result = try readAll(store)
        #expect(result.statuses == Array(repeating: .present, count: Self.users.count))
        #expect(Set(result.values) == [.int64(3)])
        #expect(try store.state(of: Fixtures.userStats) == .materialized(keys: Self.users.count))
    }

    @Test func slotsMovedToAnotherNodeAreFollowed() throws {
        let cluster = try RedisCluster()
        let store = try store(cluster)
        try store.write(view: Fixtures.userStats, rows: Self.users.map { Fixtures.userRow($0, version: 1) })
        let before = try Self.users.map { try port(of: $0, in: store) }
        // Move 3000 slots, with their keys, from the first node to the second.
        let ids = try cluster.nodes.map {
            try $0.cli(["CLUSTER", "MYID"]).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        try RedisServer.run(
            "redis-cli",
            [
                "--cluster", "reshard", cluster.seed, "--cluster-from", ids[0], "--cluster-to", ids[1],
                "--cluster-slots", "3000", "--cluster-yes",
            ])
        // The store still has the old slot map: its first requests are answered with MOVED.
        let result = try readAll(store)
        #expect(result.statuses == Array(repeating: .present, count: Self.users.count))
        let after = try Self.users.map { try port(of: $0, in: store) }
        #expect(zip(before, after).contains { $0 != $1 }, "no key moved; the test moved the wrong slots")
        let report = try store.write(
            view: Fixtures.userStats, rows: Self.users.map { Fixtures.userRow($0, version: 2, event: Fixtures.now) })
        #expect(report.keysWritten == Self.users.count)
        #expect(Set(try readAll(store).values) == [.int64(2)])
    }

    @Test func aFrozenNodeFailsItsKeysWithinTheTimeoutAndServesAgainWhenItReturns() throws {
        let cluster = try RedisCluster()
        let store = try store(cluster, timeout: .milliseconds(500))
        try store.write(view: Fixtures.userStats, rows: Self.users.map { Fixtures.userRow($0) })
        let frozen = cluster.nodes[1]
        let ports = try Self.users.map { try port(of: $0, in: store) }
        let elsewhere = zip(Self.users, ports).filter { $0.1 != frozen.port }.map(\.0)
        let onFrozen = zip(Self.users, ports).filter { $0.1 == frozen.port }.map(\.0)
        try #require(!onFrozen.isEmpty && !elsewhere.isEmpty)

        frozen.pause()
        defer { frozen.resume() }
        let clock = ContinuousClock()
        let started = clock.now
        let error = try #require(throws: OnlineStoreError.self) { try readAll(store) }
        #expect(clock.now - started < .seconds(3))
        #expect(error.message.contains("127.0.0.1:\(frozen.port)") && error.message.contains("did not answer"))
        #expect(error.kind == .unavailable)
        // Keys on the other nodes are served meanwhile, at their usual speed.
        let otherStart = clock.now
        let others = try readAll(store, elsewhere)
        #expect(others.statuses == Array(repeating: .present, count: elsewhere.count))
        #expect(clock.now - otherStart < .milliseconds(400))

        frozen.resume()
        var recovered: OnlineReadResult?
        for _ in 0..<50 where recovered == nil {
            recovered = try? readAll(store, onFrozen)
            if recovered == nil { usleep(100_000) }
        }
        #expect(recovered?.statuses == Array(repeating: .present, count: onFrozen.count))
    }

    @Test func aFrozenStandaloneServerFailsWithinTheTimeoutAndServesAgainWhenItReturns() throws {
        let server = try RedisServer()
        let store = try RedisOnlineStore(
            configuration: .init(connectionString: server.connectionString, timeout: .milliseconds(500)))
        try store.write(view: Fixtures.userStats, rows: Self.users.map { Fixtures.userRow($0) })
        server.pause()
        defer { server.resume() }
        let clock = ContinuousClock()
        let started = clock.now
        let error = try #require(throws: OnlineStoreError.self) { try readAll(store) }
        #expect(clock.now - started < .seconds(2))
        #expect(error.message.contains("did not answer within"))
        server.resume()
        #expect(try readAll(store).statuses == Array(repeating: .present, count: Self.users.count))
    }
}

/// A standalone server that restarts (its data lost): the store's pooled connections are
/// closed by then, and the next requests succeed on new ones, which load the scripts again.
@Suite struct RedisRestartTests {
    @Test func requestsSucceedAfterTheServerRestarts() throws {
        let server = try RedisServer()
        let store = try RedisOnlineStore(configuration: .init(connectionString: server.connectionString))
        try store.write(view: Fixtures.userStats, rows: [Fixtures.userRow(1), Fixtures.userRow(2)])
        let restarted = try server.restarted()
        let read = try store.read(
            view: Fixtures.userStats, features: ["tx_count"], entityKeys: [[.int64(1)], [.int64(2)]],
            now: Fixtures.now)
        #expect(read.statuses == [.notFound, .notFound])
        let report = try store.write(view: Fixtures.userStats, rows: [Fixtures.userRow(1, version: 4)])
        #expect(report.keysWritten == 1)
        #expect(
            try store.read(
                view: Fixtures.userStats, features: ["tx_count"], entityKeys: [[.int64(1)]], now: Fixtures.now
            )
            .values == [.int64(4)])
        _ = restarted
    }
}

/// A slot in the middle of a migration: its node answers `ASK` for a key already moved, and
/// the store asks the importing node; once the migration ends, `MOVED` is followed.
@Suite struct RedisMigrationTests {
    @Test func aKeyOfASlotBeingMigratedIsReadFromTheImportingNode() throws {
        let cluster = try RedisCluster()
        let store = try RedisOnlineStore(
            configuration: .init(connectionString: cluster.seed, cluster: true, keyPrefix: "migration:"))
        let users = Array(Int64(1)...300)
        try store.write(view: Fixtures.userStats, rows: users.map { Fixtures.userRow($0, version: 7) })

        var key = store.keyHead(Fixtures.userStats)
        try EntityKeyCodec.appendKey(columns: Fixtures.userStats.joinKeys, view: "user_stats", count: 1, to: &key) {
            _ in .int64(1)
        }
        let slot = HashSlot.of(key)
        let source = try store.client.endpoint(forSlot: slot)
        let from = try #require(cluster.nodes.first { $0.port == source.port })
        let to = try #require(cluster.nodes.first { $0.port != source.port })
        func id(_ node: RedisServer) throws -> String {
            try node.cli(["CLUSTER", "MYID"]).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        try to.cli(["CLUSTER", "SETSLOT", "\(slot)", "IMPORTING", id(from)])
        try from.cli(["CLUSTER", "SETSLOT", "\(slot)", "MIGRATING", id(to)])
        let migrated = try store.client.send(
            [
                RedisCommand(
                    ["MIGRATE", "127.0.0.1", "\(to.port)", "", "0", "5000", "KEYS"].map { Array($0.utf8) } + [key])
            ],
            to: source)[0]
        #expect(migrated.text == "OK", "\(migrated)")

        // The slot map still names the source, which now answers ASK for this key.
        let one = try store.read(
            view: Fixtures.userStats, features: ["tx_count"], entityKeys: [[.int64(1)]], now: Fixtures.now)
        #expect(one.values == [.int64(7)])

        for node in cluster.nodes {
            try node.cli(["CLUSTER", "SETSLOT", "\(slot)", "NODE", id(to)])
        }
        let all = try store.read(
            view: Fixtures.userStats, features: ["tx_count"], entityKeys: users.map { [.int64($0)] }, now: Fixtures.now)
        #expect(Set(all.values) == [.int64(7)])
        #expect(try store.client.endpoint(forSlot: slot).port == to.port)
    }
}
