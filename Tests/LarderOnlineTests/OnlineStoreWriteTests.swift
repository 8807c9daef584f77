import LarderCore
import LarderStores
import LarderOnline
import LarderTestSupport
import Testing

@Suite("Online writes: newer wins")
struct OnlineStoreWriteTests {
    private func storedVersion(_ store: LMDBOnlineStore, _ user: Int64) throws -> Value {
        try store.read(
            view: Fixtures.userStats, features: ["tx_count"], entityKeys: [[.int64(user)]], now: Fixtures.now
        ).values[0]
    }

    @Test("A newer event replaces the stored row; an older or equal one is skipped")
    func newerWins() throws {
        let directory = try TemporaryDirectory()
        let store = try Fixtures.store(in: directory)
        try store.write(view: Fixtures.userStats, rows: [Fixtures.userRow(1, version: 1, event: Fixtures.daysAgo(3))])

        let older = try store.write(
            view: Fixtures.userStats, rows: [Fixtures.userRow(1, version: 2, event: Fixtures.daysAgo(4))])
        #expect(older.keysWritten == 0)
        #expect(older.keysSkippedAsOlder == 1)
        #expect(try storedVersion(store, 1) == .int64(1))

        let equal = try store.write(
            view: Fixtures.userStats, rows: [Fixtures.userRow(1, version: 3, event: Fixtures.daysAgo(3))])
        #expect(equal.keysSkippedAsOlder == 1)
        #expect(try storedVersion(store, 1) == .int64(1))

        let newer = try store.write(
            view: Fixtures.userStats, rows: [Fixtures.userRow(1, version: 4, event: Fixtures.daysAgo(2))])
        #expect(newer.keysWritten == 1)
        #expect(newer.keysSkippedAsOlder == 0)
        #expect(try storedVersion(store, 1) == .int64(4))
    }

    @Test("With equal event timestamps the greater created timestamp wins; absent is oldest")
    func createdTieBreak() throws {
        let directory = try TemporaryDirectory()
        let store = try Fixtures.store(in: directory)
        let event = Fixtures.daysAgo(1)
        try store.write(view: Fixtures.userStats, rows: [Fixtures.userRow(1, version: 1, event: event)])

        try store.write(
            view: Fixtures.userStats,
            rows: [Fixtures.userRow(1, version: 2, event: event, created: Fixtures.daysAgo(1))])
        #expect(try storedVersion(store, 1) == .int64(2))

        let olderCreated = try store.write(
            view: Fixtures.userStats,
            rows: [Fixtures.userRow(1, version: 3, event: event, created: Fixtures.daysAgo(2))])
        #expect(olderCreated.keysSkippedAsOlder == 1)
        #expect(try storedVersion(store, 1) == .int64(2))

        let noCreated = try store.write(view: Fixtures.userStats, rows: [Fixtures.userRow(1, version: 4, event: event)])
        #expect(noCreated.keysSkippedAsOlder == 1)

        try store.write(
            view: Fixtures.userStats, rows: [Fixtures.userRow(1, version: 5, event: event, created: Fixtures.now)])
        #expect(try storedVersion(store, 1) == .int64(5))
    }

    @Test("Within one write the newest row per key wins, the last one on a tie")
    func newestInBatch() throws {
        let directory = try TemporaryDirectory()
        let store = try Fixtures.store(in: directory)
        let rows = [
            Fixtures.userRow(1, version: 1, event: Fixtures.daysAgo(5)),
            Fixtures.userRow(2, version: 1, event: Fixtures.daysAgo(5)),
            Fixtures.userRow(1, version: 2, event: Fixtures.daysAgo(2)),
            Fixtures.userRow(1, version: 3, event: Fixtures.daysAgo(4)),
            Fixtures.userRow(2, version: 2, event: Fixtures.daysAgo(5)),
            // A longer string than the row it replaces, so it cannot overwrite it in place.
            StoredRow(
                joinKeys: [.int64(3)], eventTimestamp: Fixtures.daysAgo(3),
                features: [.null, .int64(1), .null, .null, .string("a")]),
            StoredRow(
                joinKeys: [.int64(3)], eventTimestamp: Fixtures.daysAgo(2),
                features: [.null, .int64(2), .null, .null, .string(String(repeating: "b", count: 100))]),
        ]

        let report = try store.write(view: Fixtures.userStats, rows: rows)

        #expect(report.rowsRead == 7)
        #expect(report.rowsSuperseded == 4)
        #expect(report.keysWritten == 3)
        let result = try store.read(
            view: Fixtures.userStats, features: ["tx_count", "last_category"],
            entityKeys: [[.int64(1)], [.int64(2)], [.int64(3)]], now: Fixtures.now)
        #expect(Array(result.values(ofFeature: 0)) == [.int64(2), .int64(2), .int64(2)])
        #expect(result.value(row: 2, feature: 1) == .string(String(repeating: "b", count: 100)))
        #expect(result.eventTimestamps == [Fixtures.daysAgo(2), Fixtures.daysAgo(5), Fixtures.daysAgo(2)])
    }

    @Test("A bad row is an error naming the view, feature and row, and nothing of the write is stored")
    func badRowWritesNothing() throws {
        let directory = try TemporaryDirectory()
        let store = try Fixtures.store(in: directory)
        var bad = Fixtures.userRow(2)
        bad.features[1] = .string("many")

        let error = try #require(throws: OnlineStoreError.self) {
            try store.write(view: Fixtures.userStats, rows: [Fixtures.userRow(1), bad])
        }

        #expect(error.kind == .invalidRow)
        #expect(
            error.message.contains("'tx_count'") && error.message.contains("'user_stats'")
                && error.message.contains("row 1"))
        let result = try store.read(
            view: Fixtures.userStats, features: ["tx_count"], entityKeys: [[.int64(1)]], now: Fixtures.now)
        #expect(result.statuses == [.notFound])
    }

    @Test("A row with the wrong number of values is an error naming the view")
    func wrongValueCount() throws {
        let directory = try TemporaryDirectory()
        let store = try Fixtures.store(in: directory)
        let row = StoredRow(joinKeys: [.int64(1)], eventTimestamp: Fixtures.now, features: [.int64(1)])
        let error = try #require(throws: OnlineStoreError.self) {
            try store.write(view: Fixtures.userStats, rows: [row])
        }
        #expect(error.kind == .invalidRow)
        #expect(error.message.contains("'user_stats'") && error.message.contains("5 features"))
    }

    @Test("Progress reports reading, storing and the commit, ending with every key")
    func progress() throws {
        let directory = try TemporaryDirectory()
        let store = try Fixtures.store(in: directory)
        var reports: [OnlineWriteProgress] = []

        try store.write(view: Fixtures.userStats, rows: (0..<70_000).lazy.map { Fixtures.userRow($0 % 1000) }) {
            reports.append($0)
        }

        #expect(reports.first?.phase == .reading)
        #expect(reports.contains { $0.phase == .reading && $0.rowsRead == 65_536 })
        #expect(
            reports.last
                == OnlineWriteProgress(
                    view: "user_stats", phase: .committed, rowsRead: 70_000, keysDone: 1000, keysTotal: 1000))
    }
}
