import LarderFormats
import LarderQuality

#if canImport(Glibc)
import Glibc
#endif

/// `larder-bench profile PATH [RUNS]` and `larder-bench drift BASELINE CURRENT [RUNS]`: the
/// profile of every column of a file, and the drift of a file's columns against another's,
/// each run reading the files anew; prints the first-run and median wall times, the median CPU
/// time and peak memory.
enum QualityBenchmark {
    /// Profiles every column of a file.
    /// - Parameter arguments: the file and optionally the number of runs (default 5).
    /// - Throws: reader errors.
    static func profile(_ arguments: [String]) throws {
        guard let path = arguments.first else {
            print("usage: larder-bench profile PATH [RUNS]")
            exit(2)
        }
        var columns = 0
        var rows = 0
        try measure("profile \(path)", runs: runCount(arguments, at: 1)) {
            let profile = try ColumnProfiler.profile(try TableFiles.openReader(path: path), source: path)
            columns = profile.features.count
            rows = profile.rows
        }
        print("  rows: \(rows), columns: \(columns)")
    }

    /// Compares every column of one file with the same column of another.
    /// - Parameter arguments: the baseline file, the current file, optionally the number of runs.
    /// - Throws: reader errors.
    static func drift(_ arguments: [String]) throws {
        guard arguments.count >= 2 else {
            print("usage: larder-bench drift BASELINE CURRENT [RUNS]")
            exit(2)
        }
        var drifted: [String] = []
        try measure("drift \(arguments[1]) against \(arguments[0])", runs: runCount(arguments, at: 2)) {
            let baseline = try TableFiles.openReader(path: arguments[0])
            let names = baseline.schema.columns.map(\.name)
            let report = DriftDetector.compare(
                baseline: try ColumnSample.read(baseline, columns: names),
                current: try ColumnSample.read(try TableFiles.openReader(path: arguments[1]), columns: names),
                baselineName: arguments[0])
            drifted = report.drifted
        }
        print("  drifted: \(drifted.joined(separator: ", "))")
    }

    static func runCount(_ arguments: [String], at index: Int) -> Int {
        arguments.count > index ? max(Int(arguments[index]) ?? 5, 1) : 5
    }

    static func measure(_ title: String, runs: Int, _ body: () throws -> Void) throws {
        var seconds: [Double] = []
        var cpuSeconds: [Double] = []
        for _ in 0..<runs {
            let cpuStart = BenchClock.cpuTime()
            let start = BenchClock.now()
            try body()
            seconds.append(BenchClock.now() - start)
            cpuSeconds.append(BenchClock.cpuTime() - cpuStart)
        }
        let first = seconds[0]
        seconds.sort()
        cpuSeconds.sort()
        print(title)
        print("  runs: \(runs), first run: \(BenchClock.format(first)) s")
        print(
            "  median: \(BenchClock.format(seconds[runs / 2])) s, median CPU time: \(BenchClock.format(cpuSeconds[runs / 2])) s"
        )
        print("  peak RSS: \(BenchClock.peakResidentMebibytes()) MiB")
    }
}
