import LarderStores
import LarderCore
import LarderOnline

/// `larder-bench online-read --data DIR [--calls N] [--batch-calls N] [--batch-size N]
/// [--store lmdb|redis] [--redis URL]`:
/// in-process online reads of all 8 features of `user_stats` for random users (about 5%
/// have no row), one entity per call and BATCH_SIZE entities per call, with exact
/// percentiles over every call. Reads happen as of 2025-02-01, just after the data's last
/// day, so most rows are inside the 7-day TTL.
enum OnlineReadBenchmark {
    /// Runs the benchmark.
    /// - Parameter arguments: the command-line options.
    /// - Throws: when the data is missing or a read fails.
    static func run(_ arguments: [String]) throws {
        let options = try BenchmarkOptions(
            arguments, known: OnlineBenchmarkStore.options + ["data", "calls", "batch-calls", "batch-size", "users"])
        guard let data = options.string("data") else { throw BenchmarkInputError("online-read needs --data DIR") }
        let calls = try options.int("calls", default: 200_000)
        let batchCalls = try options.int("batch-calls", default: 100_000)
        let batchSize = try options.int("batch-size", default: 100)
        let users = try options.int("users", default: 100_000)

        let scratch = try OnlineBenchmarkStore(options)
        let store = scratch.store
        let written = try store.write(view: OnlineBenchmarkData.view, rows: OnlineBenchmarkData.load(from: data))
        print("stored \(written.keysWritten) keys")
        let plan = try store.prepareRead(
            view: OnlineBenchmarkData.view, features: OnlineBenchmarkData.view.features.map(\.name))
        let now = Timestamp(parsing: "2025-02-01T00:00:00Z")!
        var generator = SeededGenerator(seed: 11)
        func randomKey() -> Value { .int64(Int64.random(in: 1...Int64(users), using: &generator)) }

        // Entity columns, one per join key, as the feature server passes them.
        let single = (0..<calls).map { _ in [[randomKey()]] }
        let batches = (0..<1000).map { _ in [(0..<batchSize).map { _ in randomKey() }] }
        var statuses: [FeatureStatus: Int] = [:]
        for keys in single.prefix(20_000) {
            for status in try plan.read(entityColumns: keys, now: now).statuses {
                statuses[status, default: 0] += 1
            }
        }
        print(
            "status mix over 20000 warm-up calls: \(statuses.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", "))"
        )

        var one = LatencySamples(capacity: calls)
        var present = 0
        for keys in single {
            let started = LatencySamples.now()
            let result = try plan.read(entityColumns: keys, now: now)
            one.record(LatencySamples.now() - started)
            present &+= result.statuses[0] == .present ? 1 : 0
        }
        print("online-read 1 x 8 features: \(one.summary())")

        var many = LatencySamples(capacity: batchCalls)
        for call in 0..<batchCalls {
            let keys = batches[call % batches.count]
            let started = LatencySamples.now()
            let result = try plan.read(entityColumns: keys, now: now)
            many.record(LatencySamples.now() - started)
            present &+= result.statuses[0] == .present ? 1 : 0
        }
        print("online-read \(batchSize) x 8 features: \(many.summary())")
        print("(present first features seen: \(present))")
    }
}
