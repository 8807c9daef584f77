import Foundation
import Larder
import LarderCore
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
    func makeRepository(at directory: URL) throws -> String {
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("data"), withIntermediateDirectories: true)
        try "project: killed\n".write(to: directory.appendingPathComponent("feature_store.yaml"), atomically: true, encoding: .utf8)
        var csv = "user_id,event_timestamp,score\n"
        csv.reserveCapacity(Self.users * 70)
        for user in 1...Self.users {
            csv += "\(user),2026-01-01T00:00:00Z,1\n\(user),2026-01-02T00:00:00Z,2\n"
        }
        try csv.write(to: directory.appendingPathComponent("data/scores.csv"), atomically: true, encoding: .utf8)
        let user = Entity("user", joinKey: "user_id")
        let manifest = FeatureRepository {
            FeatureView("scores", entities: [user], source: FileSource("data/scores.csv")) { Field("score", .int64) }
        }.manifest
        let manifestPath = directory.appendingPathComponent("manifest.json").path
        try manifest.jsonText().write(toFile: manifestPath, atomically: true, encoding: .utf8)
        let applied = try LarderProcess.run(["apply", "--repo", directory.path, "--manifest", manifestPath])
        #expect(applied.status == 0, "\(applied.error)")
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

    @Test func killedRunLeavesOldOrNewValuesAndRerunCompletes() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("larder-kill-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let repo = try makeRepository(at: directory)
        let first = try LarderProcess.run(["materialize", "2026-01-01", "2026-01-01T12:00:00Z", "--repo", repo])
        #expect(first.status == 0, "\(first.error)")
        #expect(try servedScores(repo: repo) == [.int64(1)])

        var outcomes: Set<Value> = []
        for delay in [0.05, 0.2, 0.4] {
            let process = Process()
            process.executableURL = LarderProcess.executable
            process.arguments = ["materialize", "2026-01-01", "2026-01-03", "--repo", repo]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let served = try servedScores(repo: repo)
            #expect(served.count == 1, "a killed run left a mix of values: \(served)")
            outcomes.formUnion(served)
        }
        #expect(outcomes.isSubset(of: [.int64(1), .int64(2)]))

        let rerun = try LarderProcess.run(["materialize", "2026-01-01", "2026-01-03", "--repo", repo])
        #expect(rerun.status == 0, "\(rerun.error)")
        #expect(try servedScores(repo: repo) == [.int64(2)])
    }
}
