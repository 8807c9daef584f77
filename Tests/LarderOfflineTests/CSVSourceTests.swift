import Foundation
import LarderCore
import LarderFormats
import LarderStores
import LarderOffline
import Testing

/// Ingestion and joins through the real CSV reader: bad lines are named, offsets honoured.
@Suite struct CSVSourceTests {
    private static let table = OfflineTable(
        name: "user_stats", sourcePath: "user_stats.csv", format: .csv,
        joinKeys: [OfflineColumn("user_id", .int64)], eventTimestampColumn: "event_timestamp",
        features: [OfflineColumn("count", .int64)], ttl: .days(1))

    private func csv(_ counts: [String]) -> String {
        "user_id,event_timestamp,count\n"
            + counts.enumerated().map { "\($0.offset + 1),2025-01-01T10:00:00Z,\($0.element)" }.joined(separator: "\n")
            + "\n"
    }

    private func counts(_ store: SQLiteOfflineStore, _ table: OfflineTable, directory: String) throws -> [Value] {
        let entities = directory + "/entities.csv"
        try
            "user_id,event_timestamp\n1,2025-01-01T12:00:00+02:00\n2,2025-01-01T05:00:00-05:00\n3,2025-01-01T09:59:59Z\n"
            .write(toFile: entities, atomically: true, encoding: .utf8)
        let output = directory + "/out.csv"
        try store.pointInTimeJoin(
            entities: try TableFiles.openReader(
                path: entities,
                declaredTypes: [
                    "user_id": .int(bits: 64, signed: true),
                    "event_timestamp": .timestamp(.microseconds, utcAdjusted: true),
                ]),
            timestampColumn: "event_timestamp", requests: [FeatureRequest(table: table, features: ["count"])]
        ) { try TableFiles.openWriter(path: output, schema: $0) }
        let written = try TableFiles.openReader(
            path: output, declaredTypes: ["count": .int(bits: 64, signed: true)]
        ).readAll(columns: ["count"])
        return (0..<written.rowCount).map { written.columns[0].value(at: $0) }
    }

    @Test func aBadValueOnLineNIsNamedAndThePreviousRowsStay() throws {
        let fixture = try StoreFixture(openSource: {
            try TableFiles.openReader(path: $0, format: $1, declaredTypes: $2)
        })
        var table = Self.table
        table.sourcePath = fixture.directory.appending("user_stats.csv")
        try csv(["10", "20", "30"]).write(toFile: table.sourcePath, atomically: true, encoding: .utf8)
        try fixture.store.ingest(table)
        // Entity times 10:00Z (offset +02:00), 10:00Z (offset -05:00) and 09:59:59Z.
        #expect(try counts(fixture.store, table, directory: fixture.directory.path) == [.int64(10), .int64(20), .null])

        try csv(["11", "21", "31", "abc", "51"]).write(toFile: table.sourcePath, atomically: true, encoding: .utf8)
        let error = #expect(throws: FormatError.self) { try fixture.store.ingest(table) }
        #expect(error?.line == 5)
        #expect(error?.column == "count")
        #expect(error?.file == table.sourcePath)
        #expect(try counts(fixture.store, table, directory: fixture.directory.path) == [.int64(10), .int64(20), .null])

        try csv(["11", "21", "31", "41", "51"]).write(toFile: table.sourcePath, atomically: true, encoding: .utf8)
        #expect(try fixture.store.ingest(table).rowCount == 5)
        #expect(try counts(fixture.store, table, directory: fixture.directory.path) == [.int64(11), .int64(21), .null])
    }
}
