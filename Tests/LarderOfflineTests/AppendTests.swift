import LarderCore
import LarderFormats
import LarderOffline
import Testing

/// Rows appended after ingestion (what `push` does offline).
@Suite struct AppendTests {
    private func latest(_ fixture: StoreFixture, _ table: OfflineTable) throws -> [LatestRow] {
        var rows: [LatestRow] = []
        guard case .timestamp(let from) = ts("2020-01-01T00:00:00Z"), case .timestamp(let to) = ts("2030-01-01T00:00:00Z") else { return [] }
        try fixture.store.latestRows(table: table, start: from, end: to) { rows.append($0) }
        return rows.sorted { "\($0.joinKeys)" < "\($1.joinKeys)" }
    }

    private func time(_ text: String) -> Timestamp { Timestamp(parsing: text)! }

    @Test func appendedRowsWinTiesAsIfIngestedLast() throws {
        let fixture = try StoreFixture()
        let table = try fixture.ingest(.userStats([
            [.int64(1), ts("2025-01-01T00:00:00Z"), ts("2025-01-01T00:00:00Z"), .float64(1), .int64(1)],
            [.int64(2), ts("2025-01-02T00:00:00Z"), .null, .float64(2), .int64(2)],
        ]))
        let appended = try fixture.store.append(table: table, rows: [
            // Same event and creation time as the stored row: the appended one wins.
            OfflineRow(joinKeys: [.int64(1)], eventTimestamp: time("2025-01-01T00:00:00Z"),
                       createdTimestamp: time("2025-01-01T00:00:00Z"), features: [.float64(10), .int64(10)]),
            // Older than the stored row: the stored row still wins.
            OfflineRow(joinKeys: [.int64(2)], eventTimestamp: time("2024-12-31T00:00:00Z"), features: [.float64(20), .int64(20)]),
            OfflineRow(joinKeys: [.int64(3)], eventTimestamp: time("2025-01-03T00:00:00Z"), features: [.null, .int64(30)]),
        ])
        #expect(appended == 3)
        let rows = try latest(fixture, table)
        #expect(rows.map(\.features) == [[.float64(10), .int64(10)], [.float64(2), .int64(2)], [.null, .int64(30)]])
        #expect(try fixture.store.ingestedTable(named: "user_stats")?.rowCount == 5)
    }

    @Test func aViewNeverIngestedGetsATable() throws {
        let fixture = try StoreFixture()
        let table = ViewFixture.userStats([]).table
        try fixture.store.append(table: table, rows: [
            OfflineRow(joinKeys: [.int64(4)], eventTimestamp: time("2025-01-01T00:00:00Z"), features: [.float64(4), .null]),
        ])
        #expect(try latest(fixture, table).map(\.joinKeys) == [[.int64(4)]])
    }

    @Test func badRowsAreRefusedBeforeAnythingIsWritten() throws {
        let fixture = try StoreFixture()
        let table = try fixture.ingest(.userStats([
            [.int64(1), ts("2025-01-01T00:00:00Z"), .null, .float64(1), .int64(1)],
        ]))
        #expect {
            try fixture.store.append(table: table, rows: [
                OfflineRow(joinKeys: [.int64(5)], eventTimestamp: time("2025-01-01T00:00:00Z"), features: [.float64(5), .int64(5)]),
                OfflineRow(joinKeys: [.string("x")], eventTimestamp: time("2025-01-01T00:00:00Z"), features: [.float64(6), .int64(6)]),
            ])
        } throws: { error in
            let error = error as? OfflineStoreError
            return error?.kind == .invalidRequest && error?.message.contains("row 1") == true
                && error?.message.contains("user_id") == true
        }
        #expect(try latest(fixture, table).count == 1)
    }
}
