import LarderStores
import LarderCore
import LarderOnline

/// `larder-bench online-write --data DIR [--runs N] [--store lmdb|redis] [--redis URL]`: writes the generator's 1M `user_stats`
/// rows (about 95k distinct users) to a fresh online store, newer-wins, and reports the
/// median wall time (and the writing thread's CPU time, which a busy machine inflates less)
/// and rows per second; then the same for writing the second half of the rows into a store
/// that holds the first half (lookups and replacements), and for writing all rows again
/// into a store that already has them (every key skipped).
enum OnlineWriteBenchmark {
    /// Wall and CPU time of one timed write.
    private struct Timing {
        var wall: Int64
        var cpu: Int64
    }

    /// Runs the benchmark.
    /// - Parameter arguments: the command-line options.
    /// - Throws: when the data is missing or a write fails.
    static func run(_ arguments: [String]) throws {
        let options = try BenchmarkOptions(arguments, known: OnlineBenchmarkStore.options + ["data", "runs"])
        guard let data = options.string("data") else { throw BenchmarkInputError("online-write needs --data DIR") }
        let runs = try options.int("runs", default: 5)
        let loadStart = LatencySamples.now()
        let rows = try OnlineBenchmarkData.load(from: data)
        print("loaded \(rows.count) rows in \(seconds(LatencySamples.now() - loadStart)) s")
        let half = rows.count / 2

        var fresh: [Timing] = []
        var incremental: [Timing] = []
        var repeated: [Timing] = []
        var keys = 0
        for _ in 0..<runs {
            let scratch = try OnlineBenchmarkStore(options)
            fresh.append(
                try timed { keys = try scratch.store.write(view: OnlineBenchmarkData.view, rows: rows).keysWritten })
            repeated.append(try timed { try scratch.store.write(view: OnlineBenchmarkData.view, rows: rows) })

            let halves = try OnlineBenchmarkStore(options)
            try halves.store.write(view: OnlineBenchmarkData.view, rows: rows[..<half])
            incremental.append(
                try timed { try halves.store.write(view: OnlineBenchmarkData.view, rows: rows[half...]) })
        }
        report("fresh store, \(rows.count) rows -> \(keys) keys", fresh, rows: rows.count)
        report("second half (\(rows.count - half) rows) over the first half", incremental, rows: rows.count - half)
        report("all rows again (every key skipped)", repeated, rows: rows.count)
    }

    private static func timed(_ body: () throws -> Void) rethrows -> Timing {
        let wall = LatencySamples.now()
        let cpu = LatencySamples.threadCPUTime()
        try body()
        return Timing(wall: LatencySamples.now() - wall, cpu: LatencySamples.threadCPUTime() - cpu)
    }

    private static func report(_ label: String, _ timings: [Timing], rows: Int) {
        let wall = timings.map(\.wall).sorted()[timings.count / 2]
        let cpu = timings.map(\.cpu).sorted()[timings.count / 2]
        let perSecond = Int((Double(rows) / (Double(wall) / 1e9)).rounded())
        print(
            "online-write \(label): median wall \(seconds(wall)) s (\(perSecond) rows/s), median CPU \(seconds(cpu)) s, over \(timings.count) runs; wall per run: \(timings.map { seconds($0.wall) }.joined(separator: ", ")) s"
        )
    }

    private static func seconds(_ nanoseconds: Int64) -> String {
        let milliseconds = (nanoseconds + 500_000) / 1_000_000
        let fraction = String(milliseconds % 1000)
        return "\(milliseconds / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }
}
