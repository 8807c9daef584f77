import LarderCore
import LarderFormats
import LarderStores
import LarderOffline
import Testing

/// The latest row per key within a window, as materialization reads it.
@Suite struct LatestRowsTests {
    private func latest(
        _ fixture: StoreFixture, _ backend: OfflineBackend, _ table: OfflineTable, _ start: String, _ end: String
    ) throws -> [StoredRow] {
        var rows: [StoredRow] = []
        guard case .timestamp(let from) = ts(start), case .timestamp(let to) = ts(end) else { return [] }
        let count = try fixture.store(backend).latestRows(table: table, start: from, end: to) { rows.append($0) }
        #expect(count == rows.count)
        return rows.sorted { "\($0.joinKeys)" < "\($1.joinKeys)" }
    }

    @Test(arguments: OfflineBackend.stores) func theWinnerPerKeyFollowsTheTieBreaksInsideTheInclusiveWindow(
        backend: OfflineBackend
    ) throws {
        let fixture = try StoreFixture()
        let table = try fixture.ingest(
            into: backend,
            .userStats([
                // user 1: the latest event inside the window wins; the one after `end` is ignored.
                [.int64(1), ts("2025-01-01T10:00:00Z"), ts("2025-01-01T10:00:00Z"), .float64(1), .int64(1)],
                [.int64(1), ts("2025-01-03T00:00:00Z"), ts("2025-01-03T00:00:00Z"), .float64(2), .int64(2)],
                [.int64(1), ts("2025-01-03T00:00:00.000001Z"), ts("2025-01-03T00:00:01Z"), .float64(3), .int64(3)],
                // user 2: equal event times, the later creation time wins, then the later ingestion.
                [.int64(2), ts("2025-01-02T00:00:00Z"), ts("2025-01-02T05:00:00Z"), .float64(4), .int64(4)],
                [.int64(2), ts("2025-01-02T00:00:00Z"), ts("2025-01-02T01:00:00Z"), .float64(5), .int64(5)],
                [.int64(3), ts("2025-01-02T00:00:00Z"), ts("2025-01-02T01:00:00Z"), .float64(6), .int64(6)],
                [.int64(3), ts("2025-01-02T00:00:00Z"), ts("2025-01-02T01:00:00Z"), .null, .int64(7)],
                // user 4: only before `start`, so absent; user 5: exactly at `start`.
                [.int64(4), ts("2024-12-31T23:59:59.999999Z"), .null, .float64(8), .int64(8)],
                [.int64(5), ts("2025-01-01T00:00:00Z"), .null, .float64(9), .int64(9)],
            ]))
        let rows = try latest(fixture, backend, table, "2025-01-01T00:00:00Z", "2025-01-03T00:00:00Z")
        #expect(rows.map(\.joinKeys) == [[.int64(1)], [.int64(2)], [.int64(3)], [.int64(5)]])
        #expect(
            rows.map(\.features) == [
                [.float64(2), .int64(2)], [.float64(4), .int64(4)], [.null, .int64(7)], [.float64(9), .int64(9)],
            ])
        #expect(rows[0].eventTimestamp == Timestamp(parsing: "2025-01-03T00:00:00Z"))
        #expect(rows[1].createdTimestamp == Timestamp(parsing: "2025-01-02T05:00:00Z"))
        #expect(rows[3].createdTimestamp == nil)
    }

    @Test(arguments: OfflineBackend.stores) func compositeAndStringKeysGroupOnEveryPart(backend: OfflineBackend) throws
    {
        let fixture = try StoreFixture()
        let table = try fixture.ingest(
            into: backend,
            .userMerchant([
                [.int64(1), .string("a"), ts("2025-01-01T10:00:00Z"), .int64(1)],
                [.int64(1), .string("a"), ts("2025-01-01T11:00:00Z"), .int64(2)],
                [.int64(1), .string("b"), ts("2025-01-01T09:00:00Z"), .int64(3)],
                [.int64(2), .string("a"), ts("2025-01-01T09:00:00Z"), .int64(4)],
                [.int64(2), .string(""), ts("2025-01-01T09:00:00Z"), .int64(5)],
            ]))
        let rows = try latest(fixture, backend, table, "2025-01-01T00:00:00Z", "2025-01-02T00:00:00Z")
        #expect(
            rows.map(\.joinKeys) == [
                [.int64(1), .string("a")], [.int64(1), .string("b")], [.int64(2), .string("")],
                [.int64(2), .string("a")],
            ])
        #expect(rows.map(\.features) == [[.int64(2)], [.int64(3)], [.int64(5)], [.int64(4)]])
    }
}
