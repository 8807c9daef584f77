import Foundation
import LarderCore
import LarderOnline
import LarderRedis
import LarderStores
import LarderTestSupport
import Testing

/// A backend the online conformance suite runs against.
enum OnlineBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case lmdb, memory, redis, redisCluster

    /// A new, empty store of this backend, kept in `directory` when it has files. The Redis
    /// backends share one server (or cluster) per test process, started on first use, and
    /// keep each store apart with a key prefix of its own.
    func open(in directory: TemporaryDirectory) throws -> any OnlineStore {
        switch self {
        case .lmdb: try LMDBOnlineStore(path: directory.appending("online"))
        case .memory: MemoryOnlineStore()
        case .redis:
            try RedisOnlineStore(
                configuration: .init(
                    connectionString: RedisServer.shared.get().connectionString, keyPrefix: Self.uniquePrefix()))
        case .redisCluster:
            try RedisOnlineStore(
                configuration: .init(
                    connectionString: RedisCluster.shared.get().seed, cluster: true, keyPrefix: Self.uniquePrefix()))
        }
    }

    /// Whether a reader sees each write whole: a cluster applies a write node by node.
    var seesWritesWhole: Bool { self != .redisCluster }

    /// A key prefix no other store of the test process uses.
    private static func uniquePrefix() -> String { "test-\(UUID().uuidString):" }

    var testDescription: String { rawValue }
}

/// What every online store promises, run against each backend: newer-wins, statuses and the
/// TTL on read, writes that readers see whole, schema versions, keys of either integer width.
@Suite struct OnlineStoreConformanceTests {
    private static let features = Fixtures.userStatsFeatures

    private func read(
        _ store: any OnlineStore, _ users: [Int64], view: OnlineViewSchema = Fixtures.userStats,
        features: [String] = features, at now: Timestamp = Fixtures.now
    ) throws -> OnlineReadResult {
        try store.prepareRead(view: view, features: features).read(entityColumns: [users.map(Value.int64)], now: now)
    }

    @Test(arguments: OnlineBackend.allCases)
    func theNewerRowWinsByEventTimeThenCreationTime(backend: OnlineBackend) throws {
        let directory = try TemporaryDirectory()
        let store = try backend.open(in: directory)
        let first = try store.write(
            view: Fixtures.userStats,
            rows: [
                Fixtures.userRow(1, version: 1, event: Fixtures.daysAgo(2)),
                // In one write, a tie goes to the row given last.
                Fixtures.userRow(2, version: 1, event: Fixtures.daysAgo(2)),
                Fixtures.userRow(2, version: 2, event: Fixtures.daysAgo(2)),
            ])
        #expect(first.rowsRead == 3)
        #expect(first.rowsSuperseded == 1)
        #expect(first.keysWritten == 2)
        let second = try store.write(
            view: Fixtures.userStats,
            rows: [
                Fixtures.userRow(1, version: 3, event: Fixtures.daysAgo(3)),  // older: skipped
                Fixtures.userRow(2, version: 4, event: Fixtures.daysAgo(2)),  // same event, no creation time: skipped
            ])
        #expect(second.keysWritten == 0)
        #expect(second.keysSkippedAsOlder == 2)
        let third = try store.write(
            view: Fixtures.userStats,
            rows: [
                // The same event time as the stored row, a later creation time.
                Fixtures.userRow(1, version: 5, event: Fixtures.daysAgo(2), created: Fixtures.daysAgo(1)),
                Fixtures.userRow(2, version: 6, event: Fixtures.daysAgo(1)),  // later event
            ])
        #expect(third.keysWritten == 2)
        let result = try read(store, [1, 2])
        #expect(result.values(ofFeature: 1) == [.int64(5), .int64(6)])
        #expect(result.eventTimestamps == [Fixtures.daysAgo(2), Fixtures.daysAgo(1)])
    }

    @Test(arguments: OnlineBackend.allCases)
    func everyStatusAndTheTTLBoundary(backend: OnlineBackend) throws {
        let directory = try TemporaryDirectory()
        let store = try backend.open(in: directory)
        var nulls = Fixtures.userRow(2)
        nulls.features[1] = .null
        try store.write(
            view: Fixtures.userStats,
            rows: [
                Fixtures.userRow(1, event: Fixtures.daysAgo(7)),  // exactly the TTL old: still fresh
                nulls,
                Fixtures.userRow(3, event: Fixtures.daysAgo(7) - .nanoseconds(1)),  // a nanosecond older
            ])
        let result = try read(store, [1, 2, 3, 4, 1], features: ["tx_count", "last_category"])
        #expect(result.statuses(ofFeature: 0) == [.present, .nullValue, .outsideMaxAge, .notFound, .present])
        #expect(result.statuses(ofFeature: 1) == [.present, .present, .outsideMaxAge, .notFound, .present])
        #expect(result.values(ofFeature: 0) == [.int64(1), .null, .null, .null, .int64(1)])
        #expect(Array(result.values(ofFeature: 1))[1] == .string("category-2"))
        #expect(result.eventTimestamps[2] == Fixtures.daysAgo(7) - .nanoseconds(1))
        #expect(result.eventTimestamps[3] == nil)
        // A view without a TTL keeps every row fresh.
        var forever = Fixtures.userStats
        forever.ttl = nil
        #expect(try read(store, [3], view: forever, features: ["tx_count"]).statuses == [.present])
    }

    @Test(arguments: OnlineBackend.allCases)
    func keysAndRowsAreChecked(backend: OnlineBackend) throws {
        let directory = try TemporaryDirectory()
        let store = try backend.open(in: directory)
        try store.write(view: Fixtures.userStats, rows: [Fixtures.userRow(5)])
        // An int32 key finds an int64 key.
        let found = try store.prepareRead(view: Fixtures.userStats, features: ["tx_count"])
            .read(entityColumns: [[.int32(5)]], now: Fixtures.now)
        #expect(found.statuses == [.present])
        let null = try #require(throws: OnlineStoreError.self) {
            try store.prepareRead(view: Fixtures.userStats, features: ["tx_count"]).read(
                entityColumns: [[.null]], now: Fixtures.now)
        }
        #expect(null.kind == .invalidEntityKey)
        #expect(null.message.contains("'user_id'"))
        let unknown = try #require(throws: OnlineStoreError.self) {
            try store.prepareRead(view: Fixtures.userStats, features: ["nope"])
        }
        #expect(unknown.kind == .unknownFeature)
        var bad = Fixtures.userRow(6, version: 9)
        bad.features[1] = .string("many")
        let refused = try #require(throws: OnlineStoreError.self) {
            try store.write(view: Fixtures.userStats, rows: [Fixtures.userRow(7), bad])
        }
        #expect(refused.kind == .invalidRow)
        #expect(refused.message.contains("tx_count") && refused.message.contains("row 1"))
        #expect(try read(store, [6, 7]).statuses(ofFeature: 0) == [.notFound, .notFound])
    }

    @Test(arguments: OnlineBackend.allCases)
    func rowsOfAnotherSchemaAreNeverReadAndArePruned(backend: OnlineBackend) throws {
        let directory = try TemporaryDirectory()
        let store = try backend.open(in: directory)
        try store.write(view: Fixtures.userStats, rows: [Fixtures.userRow(1), Fixtures.userRow(2)])
        var changed = Fixtures.userStats
        changed.features.append(OnlineColumn(name: "new_feature", type: .bool))
        #expect(try store.state(of: Fixtures.userStats) == .materialized(keys: 2))
        #expect(try store.state(of: changed) == .schemaChanged(storedVersion: Fixtures.userStats.version, keys: 2))
        #expect(try read(store, [1], view: changed, features: ["tx_count"]).statuses == [.notFound])
        #expect(try store.prune(keeping: [changed]) == ["user_stats"])
        #expect(try store.state(of: Fixtures.userStats) == .empty)
        #expect(try read(store, [1]).statuses(ofFeature: 0) == [.notFound])

        try store.write(view: Fixtures.userStats, rows: [Fixtures.userRow(1)])
        try store.drop(view: "user_stats")
        #expect(try store.state(of: Fixtures.userStats) == .empty)
        try store.write(view: Fixtures.userStats, rows: [Fixtures.userRow(1)])
        try store.clear()
        #expect(try read(store, [1]).statuses(ofFeature: 0) == [.notFound])
    }

    /// While one thread rewrites every key, readers see each key set from one write or the
    /// other, never a mix (a Redis Cluster promises that per node only).
    @Test(arguments: OnlineBackend.allCases.filter(\.seesWritesWhole))
    func readersSeeAWriteWholeOrNotAtAll(backend: OnlineBackend) throws {
        let directory = try TemporaryDirectory()
        let store = try backend.open(in: directory)
        let users = Array(Int64(1)...2_000)
        try store.write(
            view: Fixtures.userStats, rows: users.map { Fixtures.userRow($0, version: 1, event: Fixtures.daysAgo(3)) })
        let read = try store.prepareRead(view: Fixtures.userStats, features: ["tx_count"])
        let keys = [users.map(Value.int64)]
        let mixed = FirstMessage()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            for round in 0..<20 {
                guard let result = try? read.read(entityColumns: keys, now: Fixtures.now) else {
                    mixed.set("read \(round) failed")
                    return
                }
                let versions = Set(result.values)
                if versions.count != 1 { mixed.set("read \(round) saw versions \(versions)") }
            }
        }
        for version in 2...6 {
            try store.write(
                view: Fixtures.userStats,
                rows: users.map {
                    Fixtures.userRow($0, version: version, event: Fixtures.daysAgo(3) + .seconds(version))
                })
        }
        group.wait()
        #expect(mixed.message == nil)
        #expect(try self.read(store, [1]).values(ofFeature: 1) == [.int64(6)])
    }
}

/// A message one thread leaves for another.
private final class FirstMessage: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: String?

    func set(_ message: String) { lock.withLock { stored = stored ?? message } }
    var message: String? { lock.withLock { stored } }
}
