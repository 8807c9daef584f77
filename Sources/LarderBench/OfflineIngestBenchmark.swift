import LarderStores
import Foundation
import LarderOffline

/// `offline-ingest SOURCE [--runs N] [--store PATH]`: ingests a `user_stats` source file
/// (Parquet or CSV) into a fresh offline store, N times, and prints the median time and rows/s.
enum OfflineIngestBenchmark {
    static func run(_ arguments: [String]) throws {
        guard let source = arguments.first else {
            throw BenchmarkInputError("usage: offline-ingest SOURCE [--runs N] [--store PATH]")
        }
        let options = try BenchmarkOptions(Array(arguments.dropFirst()), known: ["runs", "store"])
        let runs = try options.int("runs", default: 5)
        let storePath = options.string("store") ?? NSTemporaryDirectory() + "larder-bench-ingest.db"
        var seconds: [Double] = []
        var rows = 0
        for _ in 0..<runs {
            OfflineBenchmarkViews.removeStore(at: storePath)
            let store = try SQLiteOfflineStore(path: storePath, logger: OfflineBenchmarkViews.logger)
            let start = BenchClock.now()
            let report = try store.ingest(OfflineBenchmarkViews.userStats(source))
            seconds.append(BenchClock.now() - start)
            rows = report.rowCount
        }
        OfflineBenchmarkViews.removeStore(at: storePath)
        let median = seconds.sorted()[seconds.count / 2]
        print(
            "offline-ingest \(source): \(rows) rows, median \(BenchClock.format(median)) s over \(runs) runs, "
                + "\(Int(Double(rows) / median)) rows/s, peak RSS \(BenchClock.peakResidentMebibytes()) MiB")
    }
}
