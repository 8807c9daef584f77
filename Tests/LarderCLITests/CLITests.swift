import Foundation
import LarderTestSupport
import Testing

@Suite(.serialized) struct CLITests {
    @Test func initApplyAndListEndToEnd() async throws {
        let directory = try TemporaryDirectory()
        let repo = directory.appending("fraud")

        let initialized = try await LarderExecutable.run(["init", repo])
        #expect(initialized.status == 0, "\(initialized.standardError)")
        #expect(FileManager.default.fileExists(atPath: repo + "/data/payments.csv"))

        let planned = try await LarderExecutable.run(["plan", "--repo", repo])
        #expect(planned.status == 0, "\(planned.standardError)")
        #expect(planned.standardOutput.contains("Would create feature view 'user_transactions'"))
        // The first build of the definitions takes seconds: it is announced, later runs are not.
        #expect(
            planned.standardError.hasPrefix("Building the definitions in \(repo) for the first time (10-20 s;"),
            "\(planned.standardError)")
        #expect(!FileManager.default.fileExists(atPath: repo + "/.larder/registry.json"))

        let applied = try await LarderExecutable.run(["apply", "--repo", repo])
        #expect(applied.status == 0, "\(applied.standardError)")
        #expect(applied.standardOutput.contains("Created feature service 'fraud_detection_v1'"))
        #expect(!applied.standardError.contains("Building the definitions"))
        // The definitions resolve Larder's LarderCore package alone: no remote package is checked out.
        let checkouts = (try? FileManager.default.contentsOfDirectory(atPath: repo + "/.build/checkouts")) ?? []
        #expect(checkouts.isEmpty, "the definitions package resolved \(checkouts)")

        let again = try await LarderExecutable.run(["apply", "--repo", repo])
        #expect(again.standardOutput.contains("No changes to the registry."))

        let listed = try await LarderExecutable.run(["feature-views", "list", "--json", "--repo", repo])
        #expect(listed.status == 0)
        let views = try #require(
            try JSONSerialization.jsonObject(with: Data(listed.standardOutput.utf8)) as? [[String: Any]])
        #expect(
            views.compactMap { $0["name"] as? String } == [
                "user_transactions", "merchant_transactions", "merchant_profiles",
            ])

        let manifestFile = directory.appending("manifest.json")
        let dumped = try await LarderExecutable.run(["registry-dump", "--repo", repo])
        let registry = try #require(
            try JSONSerialization.jsonObject(with: Data(dumped.standardOutput.utf8)) as? [String: Any])
        let manifest = try JSONSerialization.data(withJSONObject: try #require(registry["manifest"]))
        try manifest.write(to: URL(fileURLWithPath: manifestFile))
        let fromFile = try await LarderExecutable.run(["apply", "--repo", repo, "--manifest", manifestFile])
        #expect(fromFile.standardOutput.contains("No changes to the registry."), "\(fromFile.standardError)")

        let teardown = try await LarderExecutable.run(["teardown", "--repo", repo])
        #expect(teardown.exitedNonZero, "\(teardown)")
        #expect(teardown.standardError.contains("--yes"))
    }

    @Test func userErrorsAreOneLineOnStandardErrorWithNonZeroExit() async throws {
        let missing = try await LarderExecutable.run(["apply", "--repo", "/nonexistent/repo"])
        #expect(missing.exitedNonZero, "\(missing)")
        #expect(missing.standardError.contains("feature_store.yaml"))
        #expect(missing.standardOutput.isEmpty)

        let directory = try TemporaryDirectory()
        try directory.write("project: p\nonline_store: {type: cassandra}\n", to: "feature_store.yaml")
        let badConfig = try await LarderExecutable.run(["plan", "--repo", directory.path])
        #expect(badConfig.exitedNonZero, "\(badConfig)")
        #expect(badConfig.standardError.contains("online_store.type"))
        #expect(!badConfig.standardError.contains("Fatal"))
    }

    @Test func everyVerbHasHelpWithExamples() async throws {
        for verb in ["init", "apply", "plan", "registry-dump", "teardown"] {
            let help = try await LarderExecutable.run([verb, "--help"])
            #expect(help.status == 0)
            #expect(help.standardOutput.contains("Example"), "\(verb) --help has no example")
        }
    }
}
