import Foundation
import Larder
import LarderCore
import LarderStores
import LarderTestSupport
import Logging
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `kill -9` in the middle of `larder ingest --force`: the offline store keeps every previous
/// row of the view (never a mix of the old file and the new), and a rerun completes.
@Suite(.serialized) struct KilledIngestionTests {
    static let users = 150_000

    /// Writes the view's source: two rows per user, every score `score`.
    func writeSource(score: Int, in directory: TemporaryDirectory) throws {
        var csv = "user_id,event_timestamp,score\n"
        csv.reserveCapacity(Self.users * 70)
        for user in 1...Self.users {
            csv += "\(user),2026-01-01T00:00:00Z,\(score)\n\(user),2026-01-02T00:00:00Z,\(score)\n"
        }
        try directory.write(csv, to: "data/scores.csv")
    }

    /// The row count and the distinct scores the offline store holds for the view.
    func storedScores(repo: String) throws -> (rows: Int?, scores: Set<Value>) {
        let store = try FeatureStore(repositoryPath: repo, logger: Logger(label: "test"))
        let manifest = try store.registry().manifest
        let view = try #require(manifest.featureView(named: "scores"))
        let offline = try store.openOfflineStore()
        var scores: Set<Value> = []
        try offline.latestRows(
            table: try store.offlineTable(for: view, in: manifest), start: Timestamp(nanosecondsSinceEpoch: .min),
            end: Timestamp(nanosecondsSinceEpoch: .max)
        ) { scores.formUnion($0.features) }
        return (try offline.ingestedTable(named: "scores")?.rowCount, scores)
    }

    @Test func killedRunLeavesThePreviousRowsAndRerunCompletes() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("project: killed\n", to: "feature_store.yaml")
        try writeSource(score: 1, in: directory)
        let user = Entity("user", joinKey: "user_id")
        let manifest = FeatureRepository {
            FeatureView("scores", entities: [user], source: FileSource("data/scores.csv")) { Field("score", .int64) }
        }.manifest
        let manifestPath = try directory.write(manifest.jsonText(), to: "manifest.json")
        let repo = directory.path
        let applied = try await LarderExecutable.run(["apply", "--repo", repo, "--manifest", manifestPath])
        #expect(applied.status == 0, "\(applied.standardError)")
        let first = try await LarderExecutable.run(["ingest", "--repo", repo])
        #expect(first.status == 0, "\(first.standardError)")
        #expect(try storedScores(repo: repo) == (Self.users * 2, [.int64(1)]))

        try writeSource(score: 2, in: directory)
        for delay in [Duration.milliseconds(50), .milliseconds(250), .milliseconds(600)] {
            // Killed wherever the run is at that moment (or, on a fast machine, after it ended).
            let killed = try await LarderExecutable.run(
                ["ingest", "--force", "--repo", repo], sending: SIGKILL, after: delay)
            #expect(killed.signal == SIGKILL || killed.status == 0, "\(killed)")
            let stored = try storedScores(repo: repo)
            #expect(stored.rows == Self.users * 2)
            #expect(stored.scores == [.int64(1)] || stored.scores == [.int64(2)], "a killed run left \(stored.scores)")
        }

        let rerun = try await LarderExecutable.run(["ingest", "--force", "--repo", repo])
        #expect(rerun.status == 0, "\(rerun.standardError)")
        #expect(try storedScores(repo: repo) == (Self.users * 2, [.int64(2)]))
    }
}
