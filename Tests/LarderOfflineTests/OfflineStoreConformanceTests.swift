import LarderCore
import LarderFormats
import LarderOffline
import LarderStores
import Testing

/// What every offline store promises beyond the join itself: a failed ingestion keeps the
/// previous rows, an unchanged source is not read again, a changed definition is not read
/// with the old rows, and a dropped view is gone. The join rules run on every backend in
/// ``PointInTimeJoinSemanticsTests``, appends in ``AppendTests``.
@Suite struct OfflineStoreConformanceTests {
    static let before: [[Value]] = [
        [.int64(1), ts("2025-01-01T00:00:00Z"), .null, .float64(1), .int64(1)],
        [.int64(2), ts("2025-01-01T00:00:00Z"), .null, .float64(2), .int64(2)],
    ]

    private func latest(_ store: any OfflineStore, _ table: OfflineTable) throws -> [[Value]] {
        var rows: [[Value]] = []
        try store.latestRows(
            table: table, start: Timestamp(nanosecondsSinceEpoch: .min), end: Timestamp(nanosecondsSinceEpoch: .max)
        ) { rows.append($0.joinKeys + $0.features) }
        return rows.sorted { "\($0)" < "\($1)" }
    }

    @Test(arguments: OfflineBackend.stores)
    func aFailedIngestionKeepsThePreviousRows(backend: OfflineBackend) throws {
        let fixture = try StoreFixture()
        let store = try fixture.store(backend)
        let table = try fixture.ingest(into: backend, .userStats(Self.before))
        try fixture.writeSource(
            "user_stats.src", columns: ViewFixture.userStats([]).columns,
            rows: Self.before + [[.int64(3), ts("2025-01-02T00:00:00Z"), .null, .float64(3), .int64(3)]], batchSize: 1,
            failingLine: 3)
        #expect(throws: FormatError.self) { try store.ingest(table, force: false, progress: nil) }
        #expect(
            try latest(store, table) == [[.int64(1), .float64(1), .int64(1)], [.int64(2), .float64(2), .int64(2)]])

        try fixture.writeSource(
            "user_stats.src", columns: ViewFixture.userStats([]).columns,
            rows: [[.null, ts("2025-01-02T00:00:00Z"), .null, .float64(3), .int64(3)]])
        let error = try #require(throws: OfflineStoreError.self) {
            try store.ingest(table, force: false, progress: nil)
        }
        #expect(error.message.contains("data row 1: column 'user_id': the join key 'user_id' is null"))
        #expect(try store.ingestedTable(named: "user_stats")?.rowCount == 2)
    }

    @Test(arguments: OfflineBackend.stores)
    func anUnchangedSourceIsNotReadAgain(backend: OfflineBackend) throws {
        let fixture = try StoreFixture()
        let store = try fixture.store(backend)
        let table = try fixture.ingest(into: backend, .userStats(Self.before))
        let path = table.sourcePath
        #expect(fixture.openCount(path) == 1)
        #expect(try store.ingest(table, force: false, progress: nil).outcome == .upToDate)
        #expect(fixture.openCount(path) == 1)
        // Rewritten with the same bytes (a new modification time): still not read again.
        try fixture.writeSource("user_stats.src", columns: ViewFixture.userStats([]).columns, rows: Self.before)
        #expect(try store.ingest(table, force: false, progress: nil).outcome == .upToDate)
        #expect(fixture.openCount(path) == 1)
        #expect(try store.ingest(table, force: true, progress: nil).outcome == .ingested)
        #expect(fixture.openCount(path) == 2)
        // A new TTL changes what a join sees, not what is stored.
        var longer = table
        longer.ttl = .days(30)
        #expect(try store.ingest(longer, force: false, progress: nil).outcome == .upToDate)
    }

    @Test(arguments: OfflineBackend.stores)
    func anotherDefinitionIsNotReadWithTheOldRows(backend: OfflineBackend) throws {
        let fixture = try StoreFixture()
        let store = try fixture.store(backend)
        let table = try fixture.ingest(into: backend, .userStats(Self.before))
        var renamed = table
        renamed.features[1] = OfflineColumn("tx_count", .int64)
        let error = try #require(throws: OfflineStoreError.self) { try latest(store, renamed) }
        #expect(error.kind == .outOfDate)
        var unknown = table
        unknown.name = "never_ingested"
        #expect((try #require(throws: OfflineStoreError.self) { try latest(store, unknown) }).kind == .notFound)

        #expect(try store.drop(table: "user_stats"))
        #expect(try store.ingestedTable(named: "user_stats") == nil)
        #expect(try store.ingestedTables().isEmpty)
        #expect(try !store.drop(table: "user_stats"))
    }
}
