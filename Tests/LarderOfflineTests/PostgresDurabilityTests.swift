import LarderCore
import LarderFormats
import LarderPostgres
import LarderStores
import Testing

/// What the PostgreSQL store keeps when an ingestion fails on the server's side or its client
/// dies mid-file: the previous rows, and no half-loaded table.
@Suite struct PostgresDurabilityTests {
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

    /// Many rows in batches of one, so the ingestion is mid-file after the first.
    private static func manyRows(_ count: Int) -> [[Value]] {
        (0..<count).map { [.int64(Int64($0 + 10)), ts("2025-01-03T00:00:00Z"), .null, .float64(9), .int64(9)] }
    }

    @Test func aRowTheServerRefusesKeepsThePreviousRows() throws {
        let fixture = try StoreFixture()
        let store = try fixture.postgres()
        let table = try fixture.ingest(
            into: .postgres, .merchantStats([[.string("m1"), ts("2025-01-01T00:00:00Z"), .float64(0.5)]]))
        // PostgreSQL text cannot hold a NUL character: the server refuses the third row's batch.
        try fixture.writeSource(
            "merchant_stats.src", columns: ViewFixture.merchantStats([]).columns,
            rows: [
                [.string("m2"), ts("2025-01-02T00:00:00Z"), .float64(0.1)],
                [.string("m3"), ts("2025-01-02T00:00:00Z"), .float64(0.2)],
                [.string("bad\u{0}key"), ts("2025-01-02T00:00:00Z"), .float64(0.3)],
            ], batchSize: 1)
        let error = try #require(throws: PostgresStoreError.self) {
            try store.ingest(table, force: false, progress: nil)
        }
        #expect(error.message.contains("PostgreSQL at 127.0.0.1"))
        #expect(try latest(store, table) == [[.string("m1"), .float64(0.5)]])
        #expect(try store.ingestedTable(named: "merchant_stats")?.rowCount == 1)
        #expect(try store.tableNames().count == 2, "the catalog and the one data table, nothing half-loaded")
    }

    @Test func aClientKilledMidFileLeavesThePreviousRows() throws {
        let fixture = try StoreFixture()
        let store = try fixture.postgres()
        let table = try fixture.ingest(into: .postgres, .userStats(Self.before))
        try fixture.writeSource(
            "user_stats.src", columns: ViewFixture.userStats([]).columns, rows: Self.manyRows(50), batchSize: 5)
        // A second connection ends the first one's server process after its second batch, as
        // the server sees a killed `larder ingest`.
        let doomed = try fixture.openPostgres()
        let processID = try doomed.backendProcessID()
        var batches = 0
        #expect(throws: (any Error).self) {
            try doomed.ingest(table, force: true) { _ in
                batches += 1
                if batches == 2 { try? store.terminateBackend(processID) }
            }
        }
        #expect(batches >= 2)
        #expect(
            try latest(store, table) == [[.int64(1), .float64(1), .int64(1)], [.int64(2), .float64(2), .int64(2)]])
        #expect(try store.ingestedTable(named: "user_stats")?.rowCount == 2)
        #expect(try store.tableNames().count == 2, "the catalog and the one data table, nothing half-loaded")
        // And a rerun completes.
        #expect(try store.ingest(table, force: true, progress: nil).rowCount == 50)
        #expect(try latest(store, table).count == 50)
    }

    @Test func twoConnectionsSeeOneAnothersCommittedRowsOnly() throws {
        let fixture = try StoreFixture()
        let table = try fixture.ingest(into: .postgres, .userStats(Self.before))
        let other = try fixture.openPostgres()
        #expect(try latest(other, table).count == 2)
        try other.append(
            table: table,
            rows: [
                StoredRow(
                    joinKeys: [.int64(3)], eventTimestamp: Timestamp(parsing: "2025-01-01T00:00:00Z")!,
                    features: [.float64(3), .null])
            ])
        #expect(try latest(try fixture.postgres(), table).count == 3)
        #expect(try fixture.postgres().ingestedTable(named: "user_stats")?.appendedRowCount == 1)
    }
}
