import LarderCore
import LarderFormats
import LarderStores
import LarderOffline
import LarderTestSupport
import Testing

/// Rows appended after ingestion (what `push` does offline).
@Suite struct AppendTests {
    private func latest(_ fixture: StoreFixture, _ backend: OfflineBackend, _ table: OfflineTable) throws -> [StoredRow]
    {
        var rows: [StoredRow] = []
        guard case .timestamp(let from) = ts("2020-01-01T00:00:00Z"),
            case .timestamp(let to) = ts("2030-01-01T00:00:00Z")
        else { return [] }
        try fixture.store(backend).latestRows(table: table, start: from, end: to) { rows.append($0) }
        return rows.sorted { "\($0.joinKeys)" < "\($1.joinKeys)" }
    }

    private func time(_ text: String) -> Timestamp { Timestamp(parsing: text)! }

    @Test(arguments: OfflineBackend.stores) func appendedRowsWinTiesAsIfIngestedLast(backend: OfflineBackend) throws {
        let fixture = try StoreFixture()
        let table = try fixture.ingest(
            into: backend,
            .userStats([
                [.int64(1), ts("2025-01-01T00:00:00Z"), ts("2025-01-01T00:00:00Z"), .float64(1), .int64(1)],
                [.int64(2), ts("2025-01-02T00:00:00Z"), .null, .float64(2), .int64(2)],
            ]))
        let appended = try fixture.store(backend).append(
            table: table,
            rows: [
                // Same event and creation time as the stored row: the appended one wins.
                StoredRow(
                    joinKeys: [.int64(1)], eventTimestamp: time("2025-01-01T00:00:00Z"),
                    createdTimestamp: time("2025-01-01T00:00:00Z"), features: [.float64(10), .int64(10)]),
                // Older than the stored row: the stored row still wins.
                StoredRow(
                    joinKeys: [.int64(2)], eventTimestamp: time("2024-12-31T00:00:00Z"),
                    features: [.float64(20), .int64(20)]),
                StoredRow(
                    joinKeys: [.int64(3)], eventTimestamp: time("2025-01-03T00:00:00Z"), features: [.null, .int64(30)]),
            ])
        #expect(appended == 3)
        let rows = try latest(fixture, backend, table)
        #expect(rows.map(\.features) == [[.float64(10), .int64(10)], [.float64(2), .int64(2)], [.null, .int64(30)]])
        #expect(try fixture.store(backend).ingestedTable(named: "user_stats")?.rowCount == 5)
    }

    @Test(arguments: OfflineBackend.stores) func aViewNeverIngestedGetsATable(backend: OfflineBackend) throws {
        let fixture = try StoreFixture()
        let table = ViewFixture.userStats([]).table
        try fixture.store(backend).append(
            table: table,
            rows: [
                StoredRow(
                    joinKeys: [.int64(4)], eventTimestamp: time("2025-01-01T00:00:00Z"), features: [.float64(4), .null])
            ])
        #expect(try latest(fixture, backend, table).map(\.joinKeys) == [[.int64(4)]])
    }

    @Test(arguments: OfflineBackend.stores) func badRowsAreRefusedBeforeAnythingIsWritten(
        backend: OfflineBackend
    ) throws {
        let fixture = try StoreFixture()
        let table = try fixture.ingest(
            into: backend,
            .userStats([
                [.int64(1), ts("2025-01-01T00:00:00Z"), .null, .float64(1), .int64(1)]
            ]))
        #expect {
            try fixture.store(backend).append(
                table: table,
                rows: [
                    StoredRow(
                        joinKeys: [.int64(5)], eventTimestamp: time("2025-01-01T00:00:00Z"),
                        features: [.float64(5), .int64(5)]),
                    StoredRow(
                        joinKeys: [.string("x")], eventTimestamp: time("2025-01-01T00:00:00Z"),
                        features: [.float64(6), .int64(6)]),
                ])
        } throws: { error in
            let error = error as? OfflineStoreError
            return error?.kind == .invalidRequest && error?.message.contains("row 1") == true
                && error?.message.contains("user_id") == true
        }
        #expect(try latest(fixture, backend, table).count == 1)
    }

    @Test(arguments: OfflineBackend.stores) func appendedRowsOutliveAReingestOfTheChangedFile(
        backend: OfflineBackend
    ) throws {
        let fixture = try StoreFixture()
        let table = try fixture.ingest(
            into: backend,
            .userStats([
                [.int64(1), ts("2025-01-01T00:00:00Z"), ts("2025-01-01T00:00:00Z"), .float64(1), .int64(1)]
            ]))
        try fixture.store(backend).append(
            table: table,
            rows: [
                StoredRow(
                    joinKeys: [.int64(1)], eventTimestamp: time("2025-01-05T00:00:00Z"),
                    features: [.float64(10), .int64(10)]),
                // Ties with the file's next version of user 2: still ingested after it, so it wins.
                StoredRow(
                    joinKeys: [.int64(2)], eventTimestamp: time("2025-01-03T00:00:00Z"),
                    createdTimestamp: time("2025-01-03T00:00:00Z"), features: [.float64(20), .int64(20)]),
            ])
        try fixture.writeSource(
            "user_stats.src", columns: ViewFixture.userStats([]).columns,
            rows: [
                [.int64(1), ts("2025-01-02T00:00:00Z"), ts("2025-01-02T00:00:00Z"), .float64(100), .int64(100)],
                [.int64(2), ts("2025-01-03T00:00:00Z"), ts("2025-01-03T00:00:00Z"), .float64(200), .int64(200)],
                [.int64(3), ts("2025-01-03T00:00:00Z"), ts("2025-01-03T00:00:00Z"), .float64(300), .int64(300)],
            ])
        let report = try fixture.store(backend).ingest(table, force: false, progress: nil)
        #expect(report.outcome == .ingested)
        #expect(report.rowCount == 5)
        #expect(report.keptAppendedRows == 2)
        #expect(
            try latest(fixture, backend, table).map(\.features) == [
                [.float64(10), .int64(10)], [.float64(20), .int64(20)], [.float64(300), .int64(300)],
            ])
        let stored = try #require(try fixture.store(backend).ingestedTable(named: "user_stats"))
        #expect(stored.rowCount == 5)
        #expect(stored.appendedRowCount == 2)

        // Rows appended after the re-ingestion count after the kept ones; a forced re-read keeps all.
        try fixture.store(backend).append(
            table: table,
            rows: [
                StoredRow(
                    joinKeys: [.int64(3)], eventTimestamp: time("2025-01-03T00:00:00Z"),
                    createdTimestamp: time("2025-01-03T00:00:00Z"), features: [.float64(30), .int64(30)])
            ])
        try fixture.reopen()
        #expect(try fixture.store(backend).ingest(table, force: true, progress: nil).keptAppendedRows == 3)
        #expect(try latest(fixture, backend, table).map(\.features).last == [.float64(30), .int64(30)])
    }

    @Test(arguments: OfflineBackend.stores) func appendedRowsFollowAChangedDefinitionByColumnName(
        backend: OfflineBackend
    ) throws {
        let fixture = try StoreFixture()
        let table = try fixture.ingest(
            into: backend,
            .userStats([
                [.int64(1), ts("2025-01-01T00:00:00Z"), .null, .float64(1), .int64(1)]
            ]))
        try fixture.store(backend).append(
            table: table,
            rows: [
                StoredRow(
                    joinKeys: [.int64(2)], eventTimestamp: time("2025-01-02T00:00:00Z"),
                    features: [.float64(2), .int64(2)])
            ])
        // `amount` becomes a string and `score` is new: only `count` carries over.
        var changed = table
        changed.features = [
            OfflineColumn("count", .int64), OfflineColumn("amount", .string), OfflineColumn("score", .float64),
        ]
        try fixture.writeSource(
            "user_stats.src",
            columns: [
                ("user_id", .int64), ("event_timestamp", .micros), ("created", .micros), ("count", .int64),
                ("amount", .string), ("score", .float64),
            ], rows: [[.int64(1), ts("2025-01-01T00:00:00Z"), .null, .int64(1), .string("one"), .float64(0.5)]])
        #expect(try fixture.store(backend).ingest(changed, force: false, progress: nil).keptAppendedRows == 1)
        #expect(
            try latest(fixture, backend, changed).map(\.features) == [
                [.int64(1), .string("one"), .float64(0.5)], [.int64(2), .null, .null],
            ])

        // A join key of another type cannot hold the rows: they are dropped.
        var rekeyed = changed
        rekeyed.joinKeys = [OfflineColumn("user_id", .string)]
        try fixture.writeSource(
            "user_stats.src",
            columns: [
                ("user_id", .string), ("event_timestamp", .micros), ("created", .micros), ("count", .int64),
                ("amount", .string), ("score", .float64),
            ], rows: [[.string("u1"), ts("2025-01-01T00:00:00Z"), .null, .int64(1), .string("one"), .float64(0.5)]])
        let report = try fixture.store(backend).ingest(rekeyed, force: false, progress: nil)
        #expect(report.keptAppendedRows == 0)
        #expect(report.rowCount == 1)
    }

    @Test func aStoreFromBeforeAppendedRowsWereCountedOpensWithAllRowsFromTheFile() async throws {
        let fixture = try StoreFixture()
        try fixture.ingest(
            .userStats([
                [.int64(1), ts("2025-01-01T00:00:00Z"), .null, .float64(1), .int64(1)],
                [.int64(2), ts("2025-01-01T00:00:00Z"), .null, .float64(2), .int64(2)],
            ]))
        try await Python.run(
            script: """
                import sqlite3, sys
                db = sqlite3.connect(sys.argv[1])
                db.execute("ALTER TABLE larder_offline_tables DROP COLUMN source_row_count")
                db.commit()
                """, [fixture.databasePath])
        try fixture.reopen()
        let stored = try #require(try fixture.store.ingestedTable(named: "user_stats"))
        #expect(stored.rowCount == 2)
        #expect(stored.appendedRowCount == 0)
    }
}
