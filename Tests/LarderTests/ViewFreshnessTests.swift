import Larder
import LarderCore
import Testing

/// The freshness the console shows: the newest materialized event against the view's TTL.
@Suite struct ViewFreshnessTests {
    static let day: Int64 = 86_400

    static func registry(ttl: Duration?, runs: [MaterializedInterval]) -> Registry {
        var registry = Registry(project: "p")
        let user = Entity("user", joinKey: "user_id")
        registry.manifest =
            FeatureRepository {
                user
                FeatureView("stats", entities: [user], ttl: ttl, source: FileSource("s.csv", timestamp: "ts")) {
                    Field("x", .int64)
                }
            }.manifest
        registry.materializations["stats"] = runs
        return registry
    }

    static func at(days: Int64) -> Timestamp { Timestamp(secondsSinceEpoch: days * day) }

    @Test(
        arguments: [
            // (TTL in days, newest event's day, now's day, stale)
            (2, 10, 12, false),  // exactly the TTL old: a read still answers PRESENT
            (2, 10, 13, true),
            (nil, 10, 1_000, false),  // no TTL: never stale
        ] as [(Int?, Int64, Int64, Bool)])
    func aViewIsStaleWhenItsNewestEventIsOlderThanItsTTL(ttlDays: Int?, newest: Int64, now: Int64, stale: Bool) {
        let registry = Self.registry(
            ttl: ttlDays.map { .days($0) },
            runs: [
                MaterializedInterval(
                    start: Self.at(days: 0), end: Self.at(days: 20), completedAt: Self.at(days: 20),
                    newestEvent: Self.at(days: newest))
            ])
        let freshness = registry.freshness(asOf: Self.at(days: now))
        #expect(freshness.count == 1)
        #expect(freshness[0].isStale == stale)
        #expect(freshness[0].age == .seconds((now - newest) * Self.day))
    }

    @Test func theNewestEventIsTheNewestOverEveryRunAndNeverMaterializedIsSaid() {
        let runs = [
            MaterializedInterval(
                start: Self.at(days: 0), end: Self.at(days: 5), completedAt: Self.at(days: 5),
                newestEvent: Self.at(days: 4)),
            // A later run over an empty window read no rows.
            MaterializedInterval(start: Self.at(days: 5), end: Self.at(days: 9), completedAt: Self.at(days: 9)),
        ]
        let entry = Self.registry(ttl: .days(1), runs: runs).freshness(asOf: Self.at(days: 9))[0]
        #expect(entry.newestEvent == Self.at(days: 4))
        #expect(entry.lastMaterialized == Self.at(days: 9))
        #expect(entry.materializedUntil == Self.at(days: 9))
        #expect(entry.isStale)
        let never = Self.registry(ttl: .days(1), runs: []).freshness(asOf: Self.at(days: 9))[0]
        #expect(never.isNeverMaterialized && !never.isStale && never.newestEvent == nil)
    }
}
