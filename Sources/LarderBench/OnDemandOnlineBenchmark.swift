import Larder
import LarderCore
import Logging

/// `larder-bench online-transform REPO USERS [CALLS] [NOW]`: what on-demand features add to
/// an in-process online read. Alternates, call by call, `getOnlineFeatures(service:)` of
/// `user_model` (8 stored features) and of `user_model_transformed` (the same 8 and 5
/// on-demand features, with the request fields `amount` and `timestamp`), 1 entity per call,
/// random users; prints both latency summaries and the difference of the medians. The
/// repository is `tools/bench/make_user_stats_repo.py --on-demand`, materialized.
enum OnDemandOnlineBenchmark {
    static func run(_ arguments: [String]) throws {
        guard arguments.count >= 2, let users = Int(arguments[1]) else {
            print("usage: larder-bench online-transform REPO USERS [CALLS] [NOW]")
            return
        }
        let store = try FeatureStore(repositoryPath: arguments[0], logger: Logger(label: "bench"))
        let calls = arguments.count > 2 ? Int(arguments[2]) ?? 100_000 : 100_000
        let now = arguments.count > 3 ? Timestamp(parsing: arguments[3]) ?? .now : .now
        var random = SystemRandomNumberGenerator()
        var stored = LatencySamples(capacity: calls)
        var transformed = LatencySamples(capacity: calls)
        var present = 0
        for round in 0..<(calls + calls / 10) {
            let keys = [
                EntityColumn(name: "user_id", values: [.int64(Int64.random(in: 1...Int64(users), using: &random))])
            ]
            let request = [
                EntityColumn(name: "amount", values: [.float64(Double.random(in: 0..<2_000, using: &random))]),
                EntityColumn(name: "timestamp", values: [.timestamp(now)]),
            ]
            let warm = round >= calls / 10  // the first tenth warms up
            var start = LatencySamples.now()
            let plain = try store.getOnlineFeatures(service: "user_model", entities: keys, now: now)
            var elapsed = LatencySamples.now() - start
            if warm { stored.record(elapsed) }
            start = LatencySamples.now()
            let result = try store.getOnlineFeatures(
                service: "user_model_transformed", entities: keys, requestData: request, now: now)
            elapsed = LatencySamples.now() - start
            if warm { transformed.record(elapsed) }
            present += plain.columns.count + result.columns.last!.statuses.filter { $0 == .present }.count
        }
        print("1 entity x 8 stored features ('user_model'), \(stored.count) calls: \(stored.summary())")
        print(
            "1 entity x 8 stored + 5 on-demand features ('user_model_transformed'), \(transformed.count) calls: \(transformed.summary())"
        )
        print(
            "added by the 5 on-demand features, difference of the p50s: \(transformed.nanoseconds(at: 0.5) - stored.nanoseconds(at: 0.5)) ns (checksum \(present))"
        )
    }
}
