import LarderCore
import LarderStores
import LarderOnline
import LarderTestSupport
import Testing

@Suite("Schema changes and removing views")
struct OnlineStoreSchemaTests {
    /// ``Fixtures/userStats`` after `apply` changed it in one way.
    static let changedSchemas: [OnlineViewSchema] = {
        var added = Fixtures.userStats
        added.features.append(OnlineColumn(name: "fraud_count", type: .int64))
        var removed = Fixtures.userStats
        removed.features.removeLast()
        var retyped = Fixtures.userStats
        retyped.features[1].type = .float64
        var reordered = Fixtures.userStats
        reordered.features.swapAt(0, 1)
        return [added, removed, retyped, reordered]
    }()

    @Test(
        "Rows of an old schema are never decoded with a new one and are reported for re-materialization",
        arguments: changedSchemas)
    func schemaChange(changed: OnlineViewSchema) throws {
        let directory = try TemporaryDirectory()
        let store = try Fixtures.store(in: directory)
        try store.write(view: Fixtures.userStats, rows: (1...10).map { Fixtures.userRow($0) })
        #expect(changed.version != Fixtures.userStats.version)

        let result = try store.read(view: changed, features: ["tx_count"], entityKeys: [[.int64(1)]], now: Fixtures.now)
        #expect(result.statuses == [.notFound])
        #expect(try store.state(of: changed) == .schemaChanged(storedVersion: Fixtures.userStats.version, keys: 10))
        #expect(try store.viewsNeedingRematerialization([changed]) == ["user_stats"])

        // Materializing with the new schema replaces the old rows in the same commit.
        let rows = (1...4).map { user in
            StoredRow(
                joinKeys: [.int64(user)], eventTimestamp: Fixtures.daysAgo(1),
                features: Array(repeating: .null, count: changed.features.count))
        }
        try store.write(view: changed, rows: rows)
        #expect(try store.state(of: changed) == .materialized(keys: 4))
        #expect(try store.state(of: Fixtures.userStats) == .schemaChanged(storedVersion: changed.version, keys: 4))
        #expect(try store.viewsNeedingRematerialization([changed]).isEmpty)
        let old = try store.read(
            view: Fixtures.userStats, features: ["tx_count"], entityKeys: [[.int64(1)]], now: Fixtures.now)
        #expect(old.statuses == [.notFound])
    }

    @Test("A TTL change keeps the schema version and the stored rows")
    func ttlChangeKeepsRows() throws {
        let directory = try TemporaryDirectory()
        let store = try Fixtures.store(in: directory)
        try store.write(view: Fixtures.userStats, rows: [Fixtures.userRow(1)])
        var longer = Fixtures.userStats
        longer.ttl = .days(30)
        #expect(longer.version == Fixtures.userStats.version)
        #expect(try store.state(of: longer) == .materialized(keys: 1))
    }

    @Test("drop removes one view, prune the views not kept, clear everything")
    func dropPruneClear() throws {
        let directory = try TemporaryDirectory()
        let store = try Fixtures.store(in: directory)
        var other = Fixtures.userStats
        other.name = "user_stats_copy"
        var third = Fixtures.userStats
        third.name = "third"
        for view in [Fixtures.userStats, other, third] {
            try store.write(view: view, rows: [Fixtures.userRow(1)])
        }

        try store.drop(view: "user_stats")
        #expect(try store.state(of: Fixtures.userStats) == .empty)
        #expect(try store.state(of: other) == .materialized(keys: 1))

        #expect(try store.prune(keeping: [other]) == ["third"])
        #expect(try store.state(of: third) == .empty)
        #expect(try store.state(of: other) == .materialized(keys: 1))

        try store.clear()
        #expect(try store.state(of: other) == .empty)
        let result = try store.read(view: other, features: ["tx_count"], entityKeys: [[.int64(1)]], now: Fixtures.now)
        #expect(result.statuses == [.notFound])
        // A dropped view can be written again.
        try store.write(view: Fixtures.userStats, rows: [Fixtures.userRow(1)])
        #expect(try store.state(of: Fixtures.userStats) == .materialized(keys: 1))
    }
}
