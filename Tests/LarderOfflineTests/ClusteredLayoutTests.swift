import LarderCore
import LarderFormats
import LarderStores
@testable import LarderOffline
import LarderTestSupport
import Testing

/// The data tables' clustered layout: stores written in the earlier layout are upgraded when
/// opened, with the same rows and the same answers.
@Suite struct ClusteredLayoutTests {
    static let rows: [[Value]] = [
        [.int64(2), ts("2025-01-01T10:00:00Z"), ts("2025-01-01T10:00:00Z"), .float64(1), .int64(1)],
        [.int64(1), ts("2025-01-01T11:00:00Z"), ts("2025-01-01T11:00:00Z"), .float64(2), .int64(2)],
        // Full ties (key, event and creation time): the row stored last wins.
        [.int64(1), ts("2025-01-01T11:00:00Z"), ts("2025-01-01T11:00:00Z"), .float64(3), .int64(3)],
        [.int64(1), ts("2025-01-01T09:00:00Z"), .null, .float64(4), .int64(4)],
        [.int64(2), ts("2025-01-01T10:00:00Z"), ts("2025-01-01T09:00:00Z"), .float64(5), .int64(5)],
        [.int64(3), ts("2025-01-01T08:00:00Z"), .null, .null, .int64(6)],
    ]

    /// What the store answers: the latest rows, a training set and every row in stored order.
    private func answers(_ fixture: StoreFixture, _ table: OfflineTable) throws -> [String] {
        let all = (Timestamp(nanosecondsSinceEpoch: .min), Timestamp(nanosecondsSinceEpoch: .max))
        var latest: [String] = []
        try fixture.store.latestRows(table: table, start: all.0, end: all.1) { latest.append("\($0)") }
        var scanned: [String] = []
        try fixture.store.scanRows(table: table, start: all.0, end: all.1) { scanned.append("\($0)") }
        let joined = try fixture.join(
            entityColumns: [("user_id", .int64), ("event_timestamp", .micros)],
            entityRows: [1, 2, 3, 4].map { [.int64($0), ts("2025-01-01T12:00:00Z")] },
            requests: [FeatureRequest(table: table, features: ["amount", "count"])])
        return latest + ["--"] + scanned + ["--"] + joined.rows.map { "\($0)" }
    }

    private func dataTableSQL(_ fixture: StoreFixture) throws -> [String] {
        let statement = try fixture.store.connection.prepare(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name LIKE 'larder_fv_%'")
        var sql: [String] = []
        while try statement.step() { sql.append(statement.string(at: 0)) }
        return sql
    }

    @Test func aStoreOfTheEarlierLayoutIsUpgradedWhenOpenedWithTheSameAnswers() async throws {
        let fixture = try StoreFixture()
        let table = try fixture.ingest(.userStats(ttl: nil, Self.rows))
        try fixture.store.append(
            table: table,
            rows: [
                StoredRow(
                    joinKeys: [.int64(2)], eventTimestamp: Timestamp(parsing: "2025-01-01T10:00:00Z")!,
                    createdTimestamp: Timestamp(parsing: "2025-01-01T10:00:00Z")!,
                    features: [.float64(7), .int64(7)])
            ])
        let expected = try answers(fixture, table)
        #expect(try dataTableSQL(fixture).allSatisfy { $0.hasSuffix("WITHOUT ROWID") })

        // The table as Larder stored it before: rows by sequence (the rowid) and a separate index.
        try await Python.run(
            script: """
                import sqlite3, sys
                db = sqlite3.connect(sys.argv[1])
                (table,) = db.execute("SELECT data_table FROM larder_offline_tables").fetchone()
                db.execute('CREATE TABLE earlier ("user_id" INTEGER NOT NULL, _larder_event_ts INTEGER NOT NULL, '
                           '_larder_created_ts INTEGER NOT NULL, _larder_seq INTEGER PRIMARY KEY, "amount" REAL, '
                           '"count" INTEGER) STRICT')
                db.execute(f'INSERT INTO earlier SELECT * FROM "{table}" ORDER BY _larder_seq')
                db.execute(f'DROP TABLE "{table}"')
                db.execute(f'ALTER TABLE earlier RENAME TO "{table}"')
                db.execute(f'CREATE INDEX "{table}_pit" ON "{table}" ("user_id", _larder_event_ts, _larder_created_ts)')
                db.commit()
                """, [fixture.databasePath])
        #expect(try dataTableSQL(fixture).allSatisfy { !$0.hasSuffix("WITHOUT ROWID") })

        try fixture.reopen()
        let sql = try dataTableSQL(fixture)
        #expect(sql.count == 1)
        #expect(sql.allSatisfy { $0.hasSuffix("WITHOUT ROWID") }, "\(sql)")
        #expect(try answers(fixture, table) == expected)
        #expect(try fixture.store.ingest(table).outcome == .upToDate)
        #expect(try fixture.store.ingestedTable(named: "user_stats")?.rowCount == Self.rows.count + 1)
    }

    @Test func rowsLoadedInMemoryAndThroughStagingGiveTheSameAnswers() throws {
        let inMemory = try StoreFixture()
        let staged = try StoreFixture()
        staged.store.sortedRunRows = 4
        let table = try inMemory.ingest(.userStats(ttl: nil, Self.rows))
        let stagedTable = try staged.ingest(.userStats(ttl: nil, Self.rows))
        #expect(try answers(staged, stagedTable) == answers(inMemory, table))
        #expect(try staged.store.ingestedTable(named: "user_stats")?.rowCount == Self.rows.count)
    }
}
