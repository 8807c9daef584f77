import Larder
import LarderCore
import Logging

/// `larder-bench offline-transform REPO ENTITIES [RUNS]`: what on-demand features add to a
/// training set. Alternates `getHistoricalFeatures` of the 8 stored features of
/// `user_model` and of the 8 and the 5 on-demand features of `user_model_transformed`,
/// over the entity file ENTITIES (with columns `amount` and `timestamp`, as
/// `tools/bench/add_request_columns.py` writes), RUNS times each (default 5), after one
/// untimed run of each (which also ingests); prints the medians of wall time and of the
/// process's CPU time (user and system, which a busy machine does not inflate), and their
/// differences.
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
        var wall: [[Double]] = [[], []]
        var cpu: [[Double]] = [[], []]
        var rows = 0
        for round in 0...runs {
            for (index, features) in [stored, transformed].enumerated() {
                let start = (BenchClock.now(), BenchClock.cpuTime())
                let report = try store.getHistoricalFeatures(
                    entitiesPath: arguments[1], features: features, outputPath: "/tmp/larder-offline-transform.parquet")
                if round > 0 {
                    wall[index].append(BenchClock.now() - start.0)
                    cpu[index].append(BenchClock.cpuTime() - start.1)
                }
                rows = report.entityRows
            }
        }
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        func line(_ name: String, _ index: Int) -> String {
            "  \(name): wall \(BenchClock.format(median(wall[index]))) s, cpu \(BenchClock.format(median(cpu[index]))) s"
        }
        print("\(rows) entity rows, \(runs) runs each, medians:")
        print(line("8 stored features ('user_model')", 0))
        print(line("8 stored + 5 on-demand features ('user_model_transformed')", 1))
        print(
            "  added by the 5 on-demand features: wall \(Int((median(wall[1]) - median(wall[0])) * 1000)) ms, cpu \(Int((median(cpu[1]) - median(cpu[0])) * 1000)) ms"
        )
    }
}
