import LarderStores
import Foundation
import LarderOffline
import LarderPostgres

/// `offline-ingest SOURCE [--runs N] [--store PATH] [--reingest yes] [--postgres user@host:port/db]
/// [--expectations none|checks|unique]`:
/// ingests a `user_stats` source file (Parquet or CSV) into a fresh offline store (SQLite, or
/// with `--postgres` a PostgreSQL store whose view is dropped first), N times, and prints the
/// median time and rows/s. With `--reingest yes`, each run ingests the file once untimed, then times
/// ingesting it again with `force` (what `larder ingest --force` does: the new rows replace
/// the old ones). `--expectations` checks `OfflineBenchmarkExpectations`' rules while ingesting.
enum OfflineIngestBenchmark {
    static func run(_ arguments: [String]) throws {
        guard let source = arguments.first else {
            throw BenchmarkInputError(
                "usage: offline-ingest SOURCE [--runs N] [--store PATH] [--reingest yes] [\(BenchmarkPostgres.usage)]")
        }
        let options = try BenchmarkOptions(
            Array(arguments.dropFirst()), known: ["runs", "store", "reingest", "postgres", "expectations"])
        let postgres = try options.string("postgres").map(BenchmarkPostgres.configuration)
        let runs = try options.int("runs", default: 5)
        let reingest = options.string("reingest") == "yes"
        var table = OfflineBenchmarkViews.userStats(source)
        table.expectations = try OfflineBenchmarkExpectations.suite(options.string("expectations") ?? "none")
        let storePath = options.string("store") ?? NSTemporaryDirectory() + "larder-bench-ingest.db"
        var seconds: [Double] = []
        var rows = 0
        for _ in 0..<runs {
            let store: any OfflineStore
            if let postgres {
                store = try PostgresOfflineStore(configuration: postgres, logger: OfflineBenchmarkViews.logger)
                try store.drop(table: "user_stats")
            } else {
                OfflineBenchmarkViews.removeStore(at: storePath)
                store = try SQLiteOfflineStore(path: storePath, logger: OfflineBenchmarkViews.logger)
            }
            if reingest {
                try store.ingest(table, force: false, progress: nil)
            }
            let start = BenchClock.now()
            let report = try store.ingest(table, force: reingest, progress: nil)
            seconds.append(BenchClock.now() - start)
            rows = report.rowCount
        }
        OfflineBenchmarkViews.removeStore(at: storePath)
        let median = seconds.sorted()[seconds.count / 2]
        print(
            "offline-ingest \(postgres == nil ? "sqlite" : "postgres") \(source)\(reingest ? " (again, forced)" : "")"
                + "\(table.expectations.map { " with \($0.rules.count) expectations" } ?? ""): \(rows) rows, median \(BenchClock.format(median)) s over \(runs) runs, "
                + "\(Int(Double(rows) / median)) rows/s, peak RSS \(BenchClock.peakResidentMebibytes()) MiB")
    }
}
