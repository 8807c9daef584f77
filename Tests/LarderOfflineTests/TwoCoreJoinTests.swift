import LarderCore
import LarderFormats
import LarderStores
@testable import LarderOffline
import LarderTestSupport
import Testing

/// Point-in-time joins whose searches are split over two connections reading one snapshot:
/// the answers are those of one connection, and a join never waits for a writer to get them.
@Suite struct TwoCoreJoinTests {
    /// 3,000 feature rows over 300 users and 12,000 entity rows (three times as many as a
    /// split needs), with repeated keys and times so that ties and shared winners occur on
    /// both sides of the split.
    private static func data() -> (features: [[Value]], entities: [[Value]]) {
        var generator = SeededGenerator(seed: 7)
        let base = Timestamp(parsing: "2025-01-01T00:00:00Z")!.nanosecondsSinceEpoch
        let hour: Int64 = 3_600_000_000_000
        let time = { (hours: Int64) in Value.timestamp(Timestamp(nanosecondsSinceEpoch: base + hours * hour)) }
        let features = (0..<3_000).map { index -> [Value] in
            let hours = Int64(generator.next() % 200)
            return [
                .int64(Int64(generator.next() % 300)), time(hours), time(hours + Int64(generator.next() % 3)),
                generator.next() % 20 == 0 ? .null : .float64(Double(index)), .int64(Int64(index)),
            ]
        }
        let entities = (0..<12_000).map { index -> [Value] in
            [.int64(Int64(generator.next() % 310)), time(Int64(generator.next() % 230)), .int64(Int64(index))]
        }
        return (features, entities)
    }

    private func join(_ fixture: StoreFixture, _ table: OfflineTable, _ entities: [[Value]]) throws -> [[Value]] {
        try fixture.join(
            entityColumns: [("user_id", .int64), ("event_timestamp", .micros), ("row", .int64)],
            entityRows: entities, requests: [FeatureRequest(table: table, features: ["amount", "count"])],
            backend: .sqlite(.indexSearch)
        ).rows
    }

    @Test func aSplitSearchAnswersAsTheReferenceStoreDoes() throws {
        let (features, entities) = Self.data()
        let fixture = try StoreFixture()
        let table = try fixture.ingest(.userStats(ttl: .days(3), features))
        _ = try fixture.ingest(into: .memory, .userStats(ttl: .days(3), features))
        let split = try join(fixture, table, entities)
        let reference = try fixture.join(
            entityColumns: [("user_id", .int64), ("event_timestamp", .micros), ("row", .int64)],
            entityRows: entities, requests: [FeatureRequest(table: table, features: ["amount", "count"])],
            backend: .memory
        ).rows
        #expect(split.count == 12_000)
        #expect(firstDifference(split, reference) == nil)
        #expect(split.contains { $0[3] != .null } && split.contains { $0[3] == .null })
    }

    @Test func aJoinWhileAWriterHoldsTheLockSearchesOnOneCoreWithoutWaiting() throws {
        let (features, entities) = Self.data()
        let fixture = try StoreFixture()
        let table = try fixture.ingest(.userStats(ttl: .days(3), features))
        let twoCores = try join(fixture, table, entities)
        let writer = try SQLiteConnection(path: fixture.databasePath)
        try writer.execute("BEGIN IMMEDIATE")
        let clock = ContinuousClock()
        let start = clock.now
        let oneCore = try join(fixture, table, entities)
        let elapsed = clock.now - start
        try writer.execute("ROLLBACK")
        #expect(firstDifference(oneCore, twoCores) == nil)
        // The store's busy timeout is 5 s; a join that waited for the writer would take it.
        #expect(elapsed < .seconds(4))
    }

    /// The first row where two outputs differ, described briefly; `nil` when they are equal.
    private func firstDifference(_ actual: [[Value]], _ expected: [[Value]]) -> String? {
        guard actual.count == expected.count else { return "\(actual.count) rows, expected \(expected.count)" }
        guard let row = actual.indices.first(where: { actual[$0] != expected[$0] }) else { return nil }
        return "row \(row): \(actual[row]), expected \(expected[row])"
    }
}
