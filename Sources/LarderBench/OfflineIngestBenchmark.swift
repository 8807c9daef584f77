import LarderStores
import Foundation
import LarderOffline

/// `offline-ingest SOURCE [--runs N] [--store PATH] [--reingest yes]`: ingests a `user_stats`
/// source file (Parquet or CSV) into a fresh offline store, N times, and prints the median time
/// and rows/s. With `--reingest yes`, each run ingests the file once untimed, then times
/// ingesting it again with `force` (what `larder ingest --force` does: the new rows replace
/// the old ones).
enum OfflineIngestBenchmark {
    static func run(_ arguments: [String]) throws {
        guard let source = arguments.first else {
            throw BenchmarkInputError("usage: offline-ingest SOURCE [--runs N] [--store PATH] [--reingest yes]")
        }
        let options = try BenchmarkOptions(Array(arguments.dropFirst()), known: ["runs", "store", "reingest"])
        let runs = try options.int("runs", default: 5)
        let reingest = options.string("reingest") == "yes"
        let storePath = options.string("store") ?? NSTemporaryDirectory() + "larder-bench-ingest.db"
        var seconds: [Double] = []
        var rows = 0
        for _ in 0..<runs {
            OfflineBenchmarkViews.removeStore(at: storePath)
            let store = try SQLiteOfflineStore(path: storePath, logger: OfflineBenchmarkViews.logger)
            if reingest {
                try store.ingest(OfflineBenchmarkViews.userStats(source))
            }
            let start = BenchClock.now()
            let report = try store.ingest(OfflineBenchmarkViews.userStats(source), force: reingest)
            seconds.append(BenchClock.now() - start)
            rows = report.rowCount
        }
        OfflineBenchmarkViews.removeStore(at: storePath)
        let median = seconds.sorted()[seconds.count / 2]
        print(
            "offline-ingest \(source)\(reingest ? " (again, forced)" : ""): \(rows) rows, median \(BenchClock.format(median)) s over \(runs) runs, "
                + "\(Int(Double(rows) / median)) rows/s, peak RSS \(BenchClock.peakResidentMebibytes()) MiB")
    }
}
