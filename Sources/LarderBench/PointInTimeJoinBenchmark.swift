import LarderStores
import Foundation
import LarderCore
import LarderFormats
import LarderOffline
import LarderPostgres

/// `pit-join --store PATH --source FEATURES --entities FILE --output FILE [--strategy S]`:
/// one point-in-time join of an entity file against `user_stats` (ingested first if the
/// store lacks it; that is not timed), written to OUTPUT (CSV or Parquet by extension).
/// Prints one JSON line with the join's wall time, its rows and the process's peak RSS, for
/// `tools/bench/offline_compare.py`, which runs it beside DuckDB and Feast. With
/// `--postgres user@host:port/database` the join runs in a PostgreSQL store instead (schema
/// `larder_bench`; `--store` is then not needed).
enum PointInTimeJoinBenchmark {
    static func run(_ arguments: [String]) throws {
        let options = try BenchmarkOptions(
            arguments, known: ["store", "source", "entities", "output", "strategy", "postgres"])
        let postgres = try options.string("postgres").map(BenchmarkPostgres.configuration)
        guard let storePath = options.string("store") ?? (postgres == nil ? nil : ""),
            let source = options.string("source"),
            let entitiesPath = options.string("entities"), let output = options.string("output")
        else {
            throw BenchmarkInputError(
                "usage: pit-join --store PATH --source FEATURES --entities FILE --output FILE [--strategy automatic|indexSearch|sortedScan]"
            )
        }
        guard let strategy = JoinStrategy(rawValue: options.string("strategy") ?? "automatic") else {
            throw BenchmarkInputError("--strategy expects one of \(JoinStrategy.allCases.map(\.rawValue))")
        }
        let table = OfflineBenchmarkViews.userStats(source)
        var sqlite: SQLiteOfflineStore?
        let store: any OfflineStore
        if let postgres {
            store = try PostgresOfflineStore(configuration: postgres, logger: OfflineBenchmarkViews.logger)
        } else {
            let opened = try SQLiteOfflineStore(path: storePath, logger: OfflineBenchmarkViews.logger)
            sqlite = opened
            store = opened
        }
        let ingestStart = BenchClock.now()
        let ingest = try store.ingest(table, force: false, progress: nil)
        let ingestSeconds = BenchClock.now() - ingestStart

        let start = BenchClock.now()
        let entities = try TableFiles.openReader(
            path: entitiesPath,
            declaredTypes: [
                "user_id": .int(bits: 64, signed: true), "label": .int(bits: 64, signed: true),
                "event_timestamp": .timestamp(.microseconds, utcAdjusted: true),
            ])
        let requests = [FeatureRequest(table: table, features: OfflineBenchmarkViews.features.map(\.name))]
        let open = { (schema: TableSchema) -> any TableWriter in try TableFiles.openWriter(path: output, schema: schema)
        }
        let report: JoinReport
        if let sqlite {
            report = try sqlite.pointInTimeJoin(
                entities: entities, timestampColumn: "event_timestamp", requests: requests, strategy: strategy,
                output: open)
        } else {
            report = try store.pointInTimeJoin(
                entities: entities, timestampColumn: "event_timestamp", requests: requests, output: open)
        }
        let seconds = BenchClock.now() - start
        print(
            """
            {"tool": "\(postgres == nil ? "larder" : "larder-postgres")", "seconds": \(seconds), "rows": \(report.entityRows), \
            "matched": \(report.matchedRows["user_stats"] ?? 0), "peak_rss_mib": \(BenchClock.peakResidentMebibytes()), \
            "ingest": "\(ingest.outcome.rawValue)", "ingest_seconds": \(ingestSeconds), "strategy": "\(strategy.rawValue)"}
            """)
    }
}
