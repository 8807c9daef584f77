import LarderCore
import LarderStores
import LarderOnline
import LarderTestSupport
import Testing

@Suite("Online read statuses")
struct OnlineStoreStatusTests {
    @Test("A stored non-null value is PRESENT with its event timestamp")
    func present() throws {
        let directory = try TemporaryDirectory()
        let store = try Fixtures.store(in: directory)
        let event = Fixtures.daysAgo(2)
        try store.write(view: Fixtures.userStats, rows: [Fixtures.userRow(1001, version: 3, event: event)])

        let result = try store.read(
            view: Fixtures.userStats, features: Fixtures.userStatsFeatures, entityKeys: [[.int64(1001)]],
            now: Fixtures.now)

        #expect(result.statuses == Array(repeating: .present, count: 5))
        #expect(result.values == [.float64(1001.3), .int64(3), .int32(1), .float32(3), .string("category-0")])
        #expect(result.eventTimestamps == [event])
    }

    @Test("A stored null is NULL_VALUE and the other features stay PRESENT")
    func nullValue() throws {
        let directory = try TemporaryDirectory()
        let store = try Fixtures.store(in: directory)
        var row = Fixtures.userRow(7)
        row.features[1] = .null
        row.features[4] = .null
        try store.write(view: Fixtures.userStats, rows: [row])

        let result = try store.read(
            view: Fixtures.userStats, features: ["tx_count", "avg_amount", "last_category"], entityKeys: [[.int64(7)]],
            now: Fixtures.now)

        #expect(result.statuses == [.nullValue, .present, .nullValue])
        #expect(result.values == [.null, .float64(7.1), .null])
        #expect(result.eventTimestamps == [Fixtures.daysAgo(1)])
    }

    @Test("A key without a stored row is NOT_FOUND, before and after the view has data")
    func notFound() throws {
        let directory = try TemporaryDirectory()
        let store = try Fixtures.store(in: directory)
        let before = try store.read(
            view: Fixtures.userStats, features: ["tx_count"], entityKeys: [[.int64(1)]], now: Fixtures.now)
        #expect(before.statuses == [.notFound])
        #expect(before.values == [.null])
        #expect(before.eventTimestamps == [nil])

        try store.write(view: Fixtures.userStats, rows: [Fixtures.userRow(2)])
        let after = try store.read(
            view: Fixtures.userStats, features: ["tx_count"], entityKeys: [[.int64(1)], [.int64(2)]], now: Fixtures.now)
        #expect(after.statuses == [.notFound, .present])
        #expect(after.eventTimestamps == [nil, Fixtures.daysAgo(1)])
    }

    @Test(
        "A row older than the TTL is OUTSIDE_MAX_AGE with a null value; the bound is inclusive",
        arguments: [
            (Fixtures.now - .days(8), FeatureStatus.outsideMaxAge),
            (Fixtures.now - .days(7) - .nanoseconds(1), .outsideMaxAge),
            (Fixtures.now - .days(7), .present),
            (Fixtures.now - .days(6), .present),
        ])
    func outsideMaxAge(event: Timestamp, expected: FeatureStatus) throws {
        let directory = try TemporaryDirectory()
        let store = try Fixtures.store(in: directory)
        try store.write(view: Fixtures.userStats, rows: [Fixtures.userRow(5, event: event)])

        let result = try store.read(
            view: Fixtures.userStats, features: ["avg_amount", "tx_count"], entityKeys: [[.int64(5)]], now: Fixtures.now
        )

        #expect(result.statuses == [expected, expected])
        #expect(result.values == (expected == .present ? [.float64(5.1), .int64(1)] : [.null, .null]))
        #expect(result.eventTimestamps == [event])
    }

    @Test("Without a TTL, or with a zero TTL, a row is never outside the max age", arguments: [nil, Duration.zero])
    func noTTL(ttl: Duration?) throws {
        let directory = try TemporaryDirectory()
        let store = try Fixtures.store(in: directory)
        var view = Fixtures.userStats
        view.ttl = ttl
        try store.write(view: view, rows: [Fixtures.userRow(5, event: Fixtures.daysAgo(3650))])

        let result = try store.read(view: view, features: ["tx_count"], entityKeys: [[.int64(5)]], now: Fixtures.now)

        #expect(result.statuses == [.present])
    }

    @Test("Repeated entity rows are answered in input order, with int32 accepted for an int64 key")
    func repeatedRows() throws {
        let directory = try TemporaryDirectory()
        let store = try Fixtures.store(in: directory)
        try store.write(
            view: Fixtures.userStats, rows: [Fixtures.userRow(1, version: 1), Fixtures.userRow(2, version: 2)])

        let keys: [[Value]] = [[.int64(2)], [.int64(9)], [.int32(1)], [.int64(2)], [.int64(1)]]
        let result = try store.read(
            view: Fixtures.userStats, features: ["tx_count"], entityKeys: keys, now: Fixtures.now)

        #expect(result.values == [.int64(2), .null, .int64(1), .int64(2), .int64(1)])
        #expect(result.statuses == [.present, .notFound, .present, .present, .present])
    }

    @Test("Column-oriented entity input gives the same result as rows, laid out feature by feature")
    func columnInput() throws {
        let directory = try TemporaryDirectory()
        let store = try Fixtures.store(in: directory)
        try store.write(view: Fixtures.userStats, rows: (1...3).map { Fixtures.userRow($0, version: Int($0)) })
        let plan = try store.readPlan(view: Fixtures.userStats, features: ["last_category", "tx_count"])

        let byColumns = try store.read(plan, entityColumns: [[.int64(3), .int64(1), .int64(4)]], now: Fixtures.now)
        let byRows = try store.read(plan, entityKeys: [[.int64(3)], [.int64(1)], [.int64(4)]], now: Fixtures.now)

        #expect(byColumns == byRows)
        #expect(Array(byColumns.values(ofFeature: 1)) == [.int64(3), .int64(1), .null])
        #expect(Array(byColumns.statuses(ofFeature: 0)) == [.present, .present, .notFound])
        #expect(byColumns.value(row: 0, feature: 0) == .string("category-3"))
        #expect(byColumns.status(row: 2, feature: 1) == .notFound)
    }
}
