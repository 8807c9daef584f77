import Foundation
import LarderCore
import LarderFormats
import LarderStores
import LarderOffline
import LarderTestSupport
import Testing

/// Random data, joined by Larder from real Parquet and CSV files and by DuckDB's ASOF JOIN:
/// every cell must agree.
@Suite struct DuckDBCrossCheckTests {
    /// Writes `user_stats.parquet` (int key, creation times, duplicate event times, nulls),
    /// `merchant_stats.csv` (string key, no creation time, unique event times per key) and
    /// `entities.parquet`, then DuckDB's expected join into `expected.parquet`. Equal event
    /// times are reduced to the latest creation time before DuckDB's ASOF join, which would
    /// otherwise pick one of them arbitrarily; the TTL of user_stats (2 days, inclusive) is
    /// applied to the match.
    static let script = """
        import sys, numpy as np, pyarrow as pa, pyarrow.parquet as pq, pyarrow.csv as pacsv, duckdb
        out, seed = sys.argv[1], int(sys.argv[2])
        rng = np.random.default_rng(seed)
        epoch = np.datetime64("2025-01-01T00:00:00", "us")
        day = 86_400_000_000
        def stamps(micros):
            return pa.array(epoch + micros.astype("timedelta64[us]"), type=pa.timestamp("us", tz="UTC"))
        def nulls(values, fraction=0.05):
            return pa.array(values, mask=rng.random(len(values)) < fraction)
        n = 3000
        user = rng.integers(1, 200, n)
        event = rng.integers(0, 20 * day, n) // 1_000_000 * 1_000_000
        dup, source = rng.random(n) < 0.1, rng.integers(0, n, n)
        event[dup], user[dup] = event[source][dup], user[source][dup]
        created = event + rng.permutation(n) * 1000 + 1
        pq.write_table(pa.table({
            "user_id": pa.array(user, type=pa.int64()), "event_timestamp": stamps(event), "created": stamps(created),
            "amount": nulls(np.round(rng.random(n) * 100, 2)), "count": nulls(rng.integers(0, 50, n)),
            "score": pa.array(rng.random(n).astype(np.float32)),
        }), out + "/user_stats.parquet")
        m = 1000
        merchant = np.array(["m%d" % i for i in rng.integers(0, 40, m)])
        mevent = rng.integers(0, 20 * day, m) // 1_000_000 * 1_000_000
        keep = ~pa.table({"k": merchant, "t": mevent}).to_pandas().duplicated().to_numpy()
        pacsv.write_csv(pa.table({
            "merchant_id": merchant[keep], "ts": stamps(mevent[keep]), "risk": nulls(rng.random(keep.sum())),
        }), out + "/merchant_stats.csv")
        e = 2000
        euser = rng.integers(1, 210, e)
        eevent = rng.integers(0, 22 * day, e) // 1_000_000 * 1_000_000
        exact = rng.random(e) < 0.2
        pick = rng.integers(0, n, e)
        euser[exact] = user[pick][exact]
        eevent[exact] = (event[pick] + np.where(rng.random(e) < 0.5, 0, 2 * day))[exact]
        pq.write_table(pa.table({
            "user_id": pa.array(euser, type=pa.int64()), "merchant_id": ["m%d" % i for i in rng.integers(0, 45, e)],
            "event_timestamp": stamps(eevent), "label": pa.array(rng.integers(0, 2, e)),
        }), out + "/entities.parquet")
        duckdb.sql(f'''
            COPY (
                WITH e AS (SELECT * FROM read_parquet('{out}/entities.parquet', file_row_number = true)),
                u AS (SELECT * FROM read_parquet('{out}/user_stats.parquet')
                      QUALIFY row_number() OVER (PARTITION BY user_id, event_timestamp ORDER BY created DESC) = 1),
                m AS (SELECT * FROM read_csv('{out}/merchant_stats.csv', header = true)),
                eu AS (SELECT e.*, u.event_timestamp AS u_ts, u.amount, u.count, u.score
                       FROM e ASOF LEFT JOIN u ON e.user_id = u.user_id AND e.event_timestamp >= u.event_timestamp),
                em AS (SELECT eu.*, m.risk FROM eu ASOF LEFT JOIN m
                       ON eu.merchant_id = m.merchant_id AND eu.event_timestamp >= m.ts)
                SELECT user_id, merchant_id, event_timestamp, label,
                    CASE WHEN u_ts >= event_timestamp - INTERVAL 2 DAY THEN amount END AS user_stats__amount,
                    CASE WHEN u_ts >= event_timestamp - INTERVAL 2 DAY THEN count END AS user_stats__count,
                    CASE WHEN u_ts >= event_timestamp - INTERVAL 2 DAY THEN score END AS user_stats__score,
                    risk AS merchant_stats__risk
                FROM em ORDER BY file_row_number
            ) TO '{out}/expected.parquet' (FORMAT parquet)''')
        """

    @Test(arguments: [
        (OfflineBackend.sqlite(.indexSearch), UInt64(11)), (.sqlite(.sortedScan), 12), (.sqlite(.automatic), 13),
        (.memory, 14), (.postgres, 15), (.sqliteStaged, 16),
    ])
    func larderAgreesWithDuckDBsAsofJoin(backend: OfflineBackend, seed: UInt64) async throws {
        let fixture = try StoreFixture(openSource: {
            try TableFiles.openReader(path: $0, format: $1, declaredTypes: $2)
        })
        let directory = fixture.directory.path
        try await Python.run(script: Self.script, [directory, String(seed)])
        let users = OfflineTable(
            name: "user_stats", sourcePath: directory + "/user_stats.parquet", format: .parquet,
            joinKeys: [OfflineColumn("user_id", .int64)], eventTimestampColumn: "event_timestamp",
            createdTimestampColumn: "created",
            features: [
                OfflineColumn("amount", .float64), OfflineColumn("count", .int64), OfflineColumn("score", .float32),
            ],
            ttl: .days(2))
        let merchants = OfflineTable(
            name: "merchant_stats", sourcePath: directory + "/merchant_stats.csv", format: .csv,
            joinKeys: [OfflineColumn("merchant_id", .string)], eventTimestampColumn: "ts",
            features: [OfflineColumn("risk", .float64)])
        let store = try fixture.store(backend)
        try store.ingest(users, force: false, progress: nil)
        try store.ingest(merchants, force: false, progress: nil)
        let outputPath = directory + "/larder.parquet"
        let requests = [
            FeatureRequest(table: users, features: ["amount", "count", "score"], fullFeatureNames: true),
            FeatureRequest(table: merchants, features: ["risk"], fullFeatureNames: true),
        ]
        let entities = try TableFiles.openReader(path: directory + "/entities.parquet")
        let open = { (schema: TableSchema) -> any TableWriter in
            try TableFiles.openWriter(path: outputPath, schema: schema)
        }
        if case .sqlite(let strategy, _) = backend {
            try fixture.store.pointInTimeJoin(
                entities: entities, timestampColumn: "event_timestamp", requests: requests, strategy: strategy,
                output: open)
        } else {
            try store.pointInTimeJoin(
                entities: entities, timestampColumn: "event_timestamp", requests: requests, output: open)
        }

        let expected = try TableFiles.openReader(path: directory + "/expected.parquet").readAll()
        let actual = try TableFiles.openReader(path: outputPath).readAll()
        #expect(actual.rowCount == 2000)
        #expect(actual.rowCount == expected.rowCount)
        var mismatches: [String] = []
        for column in expected.columns {
            let mine = try #require(actual.column(named: column.name), "Larder's output lacks \(column.name)")
            for row in 0..<min(expected.rowCount, actual.rowCount)
            where !Self.same(mine.value(at: row), column.value(at: row)) {
                mismatches.append(
                    "row \(row + 1) \(column.name): larder \(mine.value(at: row)), duckdb \(column.value(at: row))")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatching cells, first: \(mismatches.prefix(5))")
        // The data must exercise both outcomes, or the comparison proves little.
        let amounts = try #require(actual.column(named: "user_stats__count"))
        let matched = (0..<actual.rowCount).filter { !amounts.isNull(at: $0) }.count
        #expect(matched > 300 && matched < 1900)
    }

    /// Equal values; integers of different widths compare by value.
    private static func same(_ a: Value, _ b: Value) -> Bool {
        if let x = a.int64Value, let y = b.int64Value { return x == y }
        return a == b
    }
}
