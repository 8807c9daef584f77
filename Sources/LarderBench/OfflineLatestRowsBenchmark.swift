import LarderStores
import LarderCore
import LarderOffline

/// `offline-latest --store PATH --source FEATURES [--runs N]`: reads the latest row of every
/// `user_stats` key over all time (what a full materialization reads), N times, and prints the
/// median time and the rows read. The store is ingested first when needed; that is not timed.
enum OfflineLatestRowsBenchmark {
    static func run(_ arguments: [String]) throws {
        let options = try BenchmarkOptions(arguments, known: ["store", "source", "runs"])
        guard let storePath = options.string("store"), let source = options.string("source") else {
            throw BenchmarkInputError("usage: offline-latest --store PATH --source FEATURES [--runs N]")
        }
        let runs = try options.int("runs", default: 5)
        let store = try SQLiteOfflineStore(path: storePath, logger: OfflineBenchmarkViews.logger)
        let table = OfflineBenchmarkViews.userStats(source)
        try store.ingest(table)
        var seconds: [Double] = []
        var keys = 0
        var presentValues = 0
        for _ in 0..<runs {
            let start = BenchClock.now()
            presentValues = 0
            keys = try store.latestRows(
                table: table, start: Timestamp(nanosecondsSinceEpoch: .min), end: Timestamp(nanosecondsSinceEpoch: .max)
            ) { row in
                presentValues += row.features.count { !$0.isNull }
            }
            seconds.append(BenchClock.now() - start)
        }
        let median = seconds.sorted()[seconds.count / 2]
        print(
            "offline-latest \(source): \(keys) keys (\(presentValues) non-null values), median \(BenchClock.format(median)) s "
                + "over \(runs) runs, peak RSS \(BenchClock.peakResidentMebibytes()) MiB")
    }
}
