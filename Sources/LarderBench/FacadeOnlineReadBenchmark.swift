import Larder
import LarderCore
import Logging

/// `larder-bench online-facade REPO SERVICE USERS [CALLS] [NOW]`: latency of
/// `FeatureStore.getOnlineFeatures(service:entities:)` — the in-process call a scoring
/// service makes — for 1 entity and for 100 entities per call, random user ids, with the
/// TTL measured at NOW (RFC 3339; default: the current time).
enum FacadeOnlineReadBenchmark {
    static func run(_ arguments: [String]) throws {
        guard arguments.count >= 3, let users = Int(arguments[2]) else {
            print("usage: larder-bench online-facade REPO SERVICE USERS [CALLS] [NOW]")
            return
        }
        let store = try FeatureStore(repositoryPath: arguments[0], logger: Logger(label: "bench"))
        let service = arguments[1]
        let calls = arguments.count > 3 ? Int(arguments[3]) ?? 100_000 : 100_000
        let now = arguments.count > 4 ? Timestamp(parsing: arguments[4]) ?? .now : .now
        var random = SystemRandomNumberGenerator()
        for batch in [1, 100] {
            let rounds = batch == 1 ? calls : max(calls / 10, 1_000)
            var samples = LatencySamples(capacity: rounds)
            var present = 0
            for round in 0..<(rounds + rounds / 10) {
                let keys = (0..<batch).map { _ in Value.int64(Int64.random(in: 1...Int64(users), using: &random)) }
                let start = LatencySamples.now()
                let result = try store.getOnlineFeatures(
                    service: service, entities: [EntityColumn(name: "user_id", values: keys)], now: now)
                let elapsed = LatencySamples.now() - start
                if round >= rounds / 10 { samples.record(elapsed) }  // the first tenth warms up
                present += result.columns.last?.statuses.filter { $0 == .present }.count ?? 0
            }
            print(
                "\(batch) entit\(batch == 1 ? "y" : "ies") x all features of '\(service)', \(samples.count) calls: \(samples.summary()) (present values: \(present))"
            )
        }
    }
}
