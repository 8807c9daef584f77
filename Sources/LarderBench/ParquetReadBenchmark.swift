import LarderFormats

#if canImport(Glibc)
import Glibc
#endif

/// `larder-bench parquet-read PATH [RUNS]`: reads every column of a Parquet file into memory
/// `RUNS` times (default 5) and prints the first-run and median wall times, the median CPU
/// time, rows per second and peak memory.
enum ParquetReadBenchmark {
    /// Runs the benchmark.
    /// - Parameter arguments: the file's path and optionally the number of runs.
    /// - Throws: ``FormatError`` when the file cannot be read.
    static func run(_ arguments: [String]) throws {
        guard let path = arguments.first else {
            print("usage: larder-bench parquet-read PATH [RUNS]")
            exit(2)
        }
        let runs = arguments.count > 1 ? max(Int(arguments[1]) ?? 5, 1) : 5
        var seconds: [Double] = []
        var cpuSeconds: [Double] = []
        var rows = 0
        for _ in 0..<runs {
            let cpuStart = cpuTime()
            let start = monotonicSeconds()
            let reader = try ParquetReader(path: path)
            var batches: [ColumnBatch] = []
            try reader.forEachBatch(columns: nil) { batches.append($0) }
            seconds.append(monotonicSeconds() - start)
            cpuSeconds.append(cpuTime() - cpuStart)
            rows = batches.reduce(0) { $0 + $1.rowCount }
        }
        let first = seconds[0]
        seconds.sort()
        let median = seconds[seconds.count / 2]
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print("parquet-read \(path)")
        print("  rows: \(rows), runs: \(runs)")
        print("  first run: \(format(first)) s")
        print(
            "  median: \(format(median)) s (min \(format(seconds[0])) s, max \(format(seconds[seconds.count - 1])) s)")
        print("  median CPU time: \(format(cpuSeconds.sorted()[cpuSeconds.count / 2])) s")
        print("  rows/s: \(Int(Double(rows) / median))")
        print("  peak RSS: \(usage.ru_maxrss / 1024) MiB")
    }

    private static func monotonicSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// User plus system CPU time of the process so far.
    private static func cpuTime() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        return user + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    private static func format(_ value: Double) -> String {
        String(Double(Int(value * 10_000)) / 10_000)
    }
}
