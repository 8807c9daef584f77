// Larder's benchmark harness: `swift run -c release larder-bench NAME [ARGS...]`.
// Each benchmark prints its figures as medians over repeated runs; none passes or fails on time.

#if canImport(Glibc)
import Glibc
#endif

/// The benchmarks by name; each takes the remaining command-line arguments.
let benchmarks: [String: (_ arguments: [String]) throws -> Void] = [
    "csv-read": CSVReadBenchmark.run,
    "parquet-read": ParquetReadBenchmark.run,
    "online-read": OnlineReadBenchmark.run,
    "online-write": OnlineWriteBenchmark.run,
    "online-facade": FacadeOnlineReadBenchmark.run,
    "online-transform": OnDemandOnlineBenchmark.run,
    "offline-transform": OnDemandOfflineBenchmark.run,
    "offline-ingest": OfflineIngestBenchmark.run,
    "pit-join": PointInTimeJoinBenchmark.run,
    "offline-latest": OfflineLatestRowsBenchmark.run,
    "http-latency": HTTPLatencyBenchmark.run,
    "loopback-rtt": LoopbackRoundTripBenchmark.run,
    "http-floor": HTTPFloorServer.run,
    "profile": QualityBenchmark.profile,
    "drift": QualityBenchmark.drift,
]

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let benchmark = benchmarks[name] else {
    print("usage: larder-bench NAME [ARGS...]\nbenchmarks: \(benchmarks.keys.sorted().joined(separator: ", "))")
    exit(2)
}
do {
    try benchmark(Array(arguments.dropFirst()))
} catch {
    print("larder-bench \(name): \(error)")
    exit(1)
}
