import Foundation
import Larder
import LarderCore
import LarderTestSupport
import Logging
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `kill -9` in the middle of `larder materialize`: the online store keeps the previous
/// values of the view (never a mix), and a rerun completes.
@Suite(.serialized) struct KilledMaterializationTests {
    static let users = 60_000

    /// A repository whose view has two rows per user: day 1 (value 1) and day 2 (value 2).
    func makeRepository(at directory: TemporaryDirectory) async throws -> String {
        try directory.write("project: killed\n", to: "feature_store.yaml")
        var csv = "user_id,event_timestamp,score\n"
        csv.reserveCapacity(Self.users * 70)
        for user in 1...Self.users {
            csv += "\(user),2026-01-01T00:00:00Z,1\n\(user),2026-01-02T00:00:00Z,2\n"
        }
        try directory.write(csv, to: "data/scores.csv")
        let user = Entity("user", joinKey: "user_id")
        let manifest = FeatureRepository {
            FeatureView("scores", entities: [user], source: FileSource("data/scores.csv")) { Field("score", .int64) }
        }.manifest
        let manifestPath = try directory.write(manifest.jsonText(), to: "manifest.json")
        let applied = try await LarderExecutable.run(["apply", "--repo", directory.path, "--manifest", manifestPath])
        #expect(applied.status == 0, "\(applied.standardError)")
        return directory.path
    }

    /// The distinct scores served for every user.
    func servedScores(repo: String) throws -> Set<Value> {
        let store = try FeatureStore(repositoryPath: repo, logger: Logger(label: "test"))
        let keys = (1...Self.users).map { Value.int64(Int64($0)) }
        let result = try store.getOnlineFeatures(
            features: [FeatureReference(view: "scores", feature: "score")],
            entities: [EntityColumn(name: "user_id", values: keys)])
        return Set(result.columns[1].values)
    }

    @Test func killedRunLeavesOldOrNewValuesAndRerunCompletes() async throws {
        let directory = try TemporaryDirectory()
        let repo = try await makeRepository(at: directory)
        let first = try await LarderExecutable.run([
            "materialize", "2026-01-01", "2026-01-01T12:00:00Z", "--repo", repo,
        ])
        #expect(first.status == 0, "\(first.standardError)")
        #expect(try servedScores(repo: repo) == [.int64(1)])

        var outcomes: Set<Value> = []
        for delay in [Duration.milliseconds(50), .milliseconds(200), .milliseconds(400)] {
            // Killed wherever the run is at that moment (or, on a fast machine, after it ended).
            let killed = try await LarderExecutable.run(
                ["materialize", "2026-01-01", "2026-01-03", "--repo", repo], sending: SIGKILL, after: delay)
            #expect(killed.signal == SIGKILL || killed.status == 0, "\(killed)")
            let served = try servedScores(repo: repo)
            #expect(served.count == 1, "a killed run left a mix of values: \(served)")
            outcomes.formUnion(served)
        }
        #expect(outcomes.isSubset(of: [.int64(1), .int64(2)]))

        let rerun = try await LarderExecutable.run(["materialize", "2026-01-01", "2026-01-03", "--repo", repo])
        #expect(rerun.status == 0, "\(rerun.standardError)")
        #expect(try servedScores(repo: repo) == [.int64(2)])
    }
}
