import LarderFormats

#if canImport(Glibc)
import Glibc
#endif

/// `larder-bench csv-read PATH [RUNS] [COLUMNS]`: reads a CSV file into columns (types
/// inferred, as `pyarrow.csv.read_csv` does) `RUNS` times (default 5), optionally only the
/// comma-separated `COLUMNS`, and prints the median wall and CPU time, rows per second and
/// the process's peak resident memory. `tools/bench/csv_read_peer.py` times pyarrow on the
/// same file.
enum CSVReadBenchmark {
    static func run(_ arguments: [String]) throws {
        guard let path = arguments.first else {
            print("usage: larder-bench csv-read PATH [RUNS] [COLUMNS]")
            exit(2)
        }
        let runs = arguments.count > 1 ? max(Int(arguments[1]) ?? 5, 1) : 5
        let columns = arguments.count > 2 ? arguments[2].split(separator: ",").map(String.init) : nil
        var seconds: [Double] = []
        var cpuSeconds: [Double] = []
        var rows = 0
        var bytes = 0
        for _ in 0..<runs {
            let start = BenchClock.now()
            let cpuStart = BenchClock.cpuTime()
            let reader = try CSVReader(path: path)
            var batches: [ColumnBatch] = []
            try reader.forEachBatch(columns: columns) { batches.append($0) }
            seconds.append(BenchClock.now() - start)
            cpuSeconds.append(BenchClock.cpuTime() - cpuStart)
            rows = batches.reduce(0) { $0 + $1.rowCount }
            bytes = batches.reduce(0) { $0 + $1.columns.reduce(0) { $0 + $1.decodedByteCount } }
        }
        let median = seconds.sorted()[seconds.count / 2]
        print("csv-read \(path)")
        print("  runs: \(runs), rows: \(rows), decoded columns: \(bytes / 1_048_576) MiB")
        print("  median: \(BenchClock.format(median)) s (min \(BenchClock.format(seconds.min()!)) s)")
        print("  CPU time median: \(BenchClock.format(cpuSeconds.sorted()[cpuSeconds.count / 2])) s")
        print("  rows/s: \(Int(Double(rows) / median))")
        print("  peak RSS: \(BenchClock.peakResidentMebibytes()) MiB")
    }
}

extension Column {
    /// Bytes held by the column's values and validity, for reporting.
    var decodedByteCount: Int {
        let values: Int
        switch storage {
        case .bool(let v): values = v.count
        case .int32(let v): values = v.count * 4
        case .int64(let v): values = v.count * 8
        case .uint64(let v): values = v.count * 8
        case .float32(let v): values = v.count * 4
        case .float64(let v): values = v.count * 8
        case .binary(let v): values = v.data.count + v.offsets.count * 8
        case .list(let offsets, let elements): values = offsets.count * 8 + elements.decodedByteCount
        }
        return values + (validity?.count ?? 0)
    }
}
