import LarderCore
import LarderFormats
import LarderStores
@testable import LarderOffline
import LarderTestSupport
import Testing

/// Ingestion of a run large enough to be gathered and inserted in several chunks, the next
/// chunk prepared on another thread while one is inserted.
@Suite struct LargeRunIngestionTests {
    /// With runs of 2,097,152 rows the file is sorted in memory; with runs of 50,000 it goes
    /// through the staging table.
    @Test(arguments: [SourceRunLoader.defaultRunRows, 50_000])
    func aValueThatDoesNotFitInALaterChunkFailsNamingItAndKeepsThePreviousRows(runRows: Int) async throws {
        let fixture = try StoreFixture(openSource: {
            try TableFiles.openReader(path: $0, format: $1, declaredTypes: $2)
        })
        fixture.store.sortedRunRows = runRows
        let good = fixture.directory.appending("good.parquet")
        let bad = fixture.directory.appending("user_stats.parquet")
        // 200,000 rows over 1,000 users; in the bad file, user 600's last row holds a count
        // of 2^63 + 1, which an int64 feature cannot hold: in point-in-time order its row is
        // in the second of four chunks of 65,536 rows.
        try await Python.run(
            script: """
                import sys, pyarrow as pa, pyarrow.parquet as pq
                rows = 200_000
                users = [i % 1000 for i in range(rows)]
                times = pa.array([1_700_000_000_000_000 + i for i in range(rows)], pa.timestamp("us", tz="UTC"))
                def table(counts):
                    return pa.table({"user_id": pa.array(users, pa.int64()), "event_timestamp": times,
                                     "created": times, "amount": pa.array([1.5] * rows, pa.float64()),
                                     "count": pa.array(counts, pa.uint64())})
                pq.write_table(table([7] * rows), sys.argv[1])
                counts = [7] * rows
                counts[rows - 1000 + 600] = 2**63 + 1
                pq.write_table(table(counts), sys.argv[2])
                """, [good, bad])
        var table = fixture.table(ViewFixture.userStats(ttl: nil, []).table)
        table.sourcePath = good
        let goodReport = try fixture.store.ingest(table)
        #expect(goodReport.rowCount == 200_000)
        table.sourcePath = bad
        let error = #expect(throws: OfflineStoreError.self) { try fixture.store.ingest(table) }
        #expect(error?.kind == .invalidSource)
        #expect(error?.message.contains("user_stats.parquet") == true)
        #expect(error?.message.contains("data row 199601") == true)
        #expect(error?.message.contains("'count'") == true)
        #expect(error?.message.contains("does not fit in int64") == true)
        // The rows of the good file are still there, unchanged.
        table.sourcePath = good
        let output = try fixture.join(
            entityColumns: [("user_id", .int64), ("event_timestamp", .micros)],
            entityRows: [[.int64(600), ts("2030-01-01T00:00:00Z")]],
            requests: [FeatureRequest(table: table, features: ["count"])])
        #expect(output.rows.map { $0[2] } == [.int64(7)])
    }
}
