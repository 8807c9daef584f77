import LarderCore
import LarderFormats
import LarderStores
import LarderOffline
import Testing

/// A feature view's description and the rows of its source file.
struct ViewFixture: Sendable {
    var table: OfflineTable
    var columns: [(String, ColumnType)]
    var rows: [[Value]]

    /// `user_stats`: key `user_id` (int64), `event_timestamp`, `created`, features `amount`
    /// (float64) and `count` (int64), with the given TTL.
    static func userStats(ttl: Duration? = .days(1), _ rows: [[Value]]) -> ViewFixture {
        ViewFixture(
            table: OfflineTable(
                name: "user_stats", sourcePath: "user_stats.src", format: .parquet,
                joinKeys: [OfflineColumn("user_id", .int64)], eventTimestampColumn: "event_timestamp",
                createdTimestampColumn: "created",
                features: [OfflineColumn("amount", .float64), OfflineColumn("count", .int64)], ttl: ttl),
            columns: [
                ("user_id", .int64), ("event_timestamp", .micros), ("created", .micros), ("amount", .float64),
                ("count", .int64),
            ],
            rows: rows)
    }

    /// `merchant_stats`: key `merchant_id` (string), `ts`, no creation time, feature `risk`
    /// (float64), no TTL.
    static func merchantStats(_ rows: [[Value]]) -> ViewFixture {
        ViewFixture(
            table: OfflineTable(
                name: "merchant_stats", sourcePath: "merchant_stats.src", format: .csv,
                joinKeys: [OfflineColumn("merchant_id", .string)], eventTimestampColumn: "ts",
                features: [OfflineColumn("risk", .float64)]),
            columns: [("merchant_id", .string), ("ts", .micros), ("risk", .float64)],
            rows: rows)
    }

    /// `user_merchant`: composite key (`user_id` int64, `merchant_id` string), `ts`,
    /// feature `visits` (int64), TTL one day.
    static func userMerchant(_ rows: [[Value]]) -> ViewFixture {
        ViewFixture(
            table: OfflineTable(
                name: "user_merchant", sourcePath: "user_merchant.src", format: .parquet,
                joinKeys: [OfflineColumn("user_id", .int64), OfflineColumn("merchant_id", .string)],
                eventTimestampColumn: "ts", features: [OfflineColumn("visits", .int64)], ttl: .days(1)),
            columns: [("user_id", .int64), ("merchant_id", .string), ("ts", .micros), ("visits", .int64)],
            rows: rows)
    }
}

/// A point-in-time join with its expected output, written by hand.
struct JoinCase: Sendable, CustomTestStringConvertible {
    var name: String
    var views: [ViewFixture]
    /// Entity columns; the timestamp column is `event_timestamp`.
    var entityColumns: [(String, ColumnType)] = [("user_id", .int64), ("event_timestamp", .micros), ("label", .int64)]
    var entityRows: [[Value]]
    /// Per view (by name), the features asked for.
    var requests: [(view: String, features: [String])]
    /// The feature columns expected after the entity columns, one row per entity row.
    var expected: [[Value]]

    var testDescription: String { name }

    /// Ingests the views into a fixture's store and runs the join.
    /// - Returns: the output rows and the output column names.
    func run(in fixture: StoreFixture, backend: OfflineBackend) throws -> (rows: [[Value]], names: [String]) {
        var tables: [String: OfflineTable] = [:]
        for view in views {
            let table = try fixture.ingest(into: backend, view)
            tables[table.name] = table
        }
        let output = try fixture.join(
            entityColumns: entityColumns, entityRows: entityRows,
            requests: requests.map { FeatureRequest(table: tables[$0.view]!, features: $0.features) },
            backend: backend)
        #expect(output.closed)
        return (output.rows, output.schema.columns.map(\.name))
    }
}
