import LarderCore
import LarderFormats
import LarderStores
@testable import LarderOffline
import Testing

/// The events an aggregation view reads from the clustered table: in the table's order,
/// without a sort, and with each key's tied rows in stored order.
@Suite struct ScanEventsTests {
    private static let all = (Timestamp(nanosecondsSinceEpoch: .min), Timestamp(nanosecondsSinceEpoch: .max))

    private func ingestWithAppendedTie(_ fixture: StoreFixture) throws -> OfflineTable {
        let table = try fixture.ingest(.userStats(ttl: nil, ClusteredLayoutTests.rows))
        // Ties the file's rows of key 1 at 11:00 (event and creation time): stored after them.
        try fixture.store.append(
            table: table,
            rows: [
                StoredRow(
                    joinKeys: [.int64(1)], eventTimestamp: Timestamp(parsing: "2025-01-01T11:00:00Z")!,
                    createdTimestamp: Timestamp(parsing: "2025-01-01T11:00:00Z")!,
                    features: [.float64(8), .int64(8)])
            ])
        return table
    }

    @Test func eventsComeByKeyInTimeOrderWithTiesInStoredOrder() throws {
        let fixture = try StoreFixture()
        let table = try ingestWithAppendedTie(fixture)
        var events: [StoredRow] = []
        try fixture.store.scanEvents(table: table, start: Self.all.0, end: Self.all.1) { events.append($0) }
        #expect(events.map { $0.features[1] } == [4, 2, 3, 8, 5, 1, 6].map { Value.int64($0) })

        // The same rows as in stored order, each key's rows sorted stably by (event, creation) time.
        var stored: [StoredRow] = []
        try fixture.store.scanRows(table: table, start: Self.all.0, end: Self.all.1) { stored.append($0) }
        func pointInTime(_ position: Int) -> (Int64, Int64, Int64, Int) {
            let row = stored[position]
            guard case .int64(let key) = row.joinKeys[0] else { return (.min, .min, .min, position) }
            let created = row.createdTimestamp?.nanosecondsSinceEpoch ?? .min
            return (key, row.eventTimestamp.nanosecondsSinceEpoch, created, position)
        }
        let expected = stored.indices.sorted { pointInTime($0) < pointInTime($1) }
        #expect(events == expected.map { stored[$0] })
    }

    @Test func eventsAreReadInTheTablesOrderWithoutASort() throws {
        let fixture = try StoreFixture()
        let table = try ingestWithAppendedTie(fixture)
        let entry = try #require(try fixture.store.catalog.entry(for: table.name))
        let layout = DataTableLayout(table: entry.dataTable, definition: entry.definition)
        func plan(_ sql: String) throws -> String {
            let statement = try fixture.store.connection.prepare("EXPLAIN QUERY PLAN " + sql)
            var steps: [String] = []
            while try statement.step() { steps.append(statement.string(at: 3)) }
            return steps.joined(separator: "; ")
        }
        let clustered = try plan(layout.clusteredScanSQL)
        #expect(!clustered.contains("TEMP B-TREE"), "\(clustered)")
        // Stored order is not the table's: SQLite sorts for it.
        #expect(try plan(layout.sequentialScanSQL).contains("TEMP B-TREE"))
    }
}
