import Larder
import LarderCore
import Logging

/// `larder-bench offline-transform REPO ENTITIES [RUNS]`: what on-demand features add to a
/// training set. Alternates `getHistoricalFeatures` of the 8 stored features of
/// `user_model` and of the 8 and the 5 on-demand features of `user_model_transformed`,
/// over the entity file ENTITIES (with columns `amount` and `timestamp`, as
/// `tools/bench/add_request_columns.py` writes), RUNS times each (default 5), after one
/// untimed run of each (which also ingests); prints the medians and their difference.
enum OnDemandOfflineBenchmark {
    static func run(_ arguments: [String]) throws {
        guard arguments.count >= 2 else {
            print("usage: larder-bench offline-transform REPO ENTITIES [RUNS]")
            return
        }
        let store = try FeatureStore(repositoryPath: arguments[0], logger: Logger(label: "bench"))
        let runs = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
        let manifest = try store.registry().manifest
        let stored = try manifest.references(ofService: "user_model")
        let transformed = try manifest.references(ofService: "user_model_transformed")
        var times: [[Double]] = [[], []]
        var rows = 0
        for round in 0...runs {
            for (index, features) in [stored, transformed].enumerated() {
                let start = BenchClock.now()
                let report = try store.getHistoricalFeatures(
                    entitiesPath: arguments[1], features: features, outputPath: "/tmp/larder-offline-transform.parquet")
                if round > 0 { times[index].append(BenchClock.now() - start) }
                rows = report.entityRows
            }
        }
        let medians = times.map { $0.sorted()[$0.count / 2] }
        print("\(rows) entity rows, \(runs) runs each, medians:")
        print("  8 stored features ('user_model'): \(medians[0]) s  (runs: \(times[0]))")
        print("  8 stored + 5 on-demand features ('user_model_transformed'): \(medians[1]) s  (runs: \(times[1]))")
        print("  added by the 5 on-demand features: \(medians[1] - medians[0]) s")
    }
}
