import Foundation
import LarderTestSupport
import Testing

/// `apply` never changes the registry silently: unknown members and invalid JSON are errors,
/// deleting needs `--allow-deletes`, and CSV values that cannot hold their type fail early.
@Suite(.serialized) struct ApplyStrictnessTests {
    func registryText(_ repository: ManifestRepository) async throws -> String {
        try await LarderExecutable.run(["registry-dump", "--repo", repository.path]).standardOutput
    }

    @Test func aMisspelledMemberIsAnErrorNamingTheMemberMeant() async throws {
        let repository = try await ManifestRepository().applied()
        let before = try await registryText(repository)
        let json = ManifestRepository.manifest().jsonText()

        let typo = try await LarderExecutable.run(
            try repository.applyArguments(json.replacingOccurrences(of: "\"ttl_seconds\"", with: "\"ttl_secnds\"")))
        #expect(typo.status == 1)
        #expect(
            typo.standardError.contains(
                "field 'feature_views[0].ttl_secnds': unknown member; did you mean \"ttl_seconds\"?"),
            "\(typo.standardError)")
        #expect(typo.standardError.contains("manifest file \(repository.manifestPath)"))

        let topLevel = try await LarderExecutable.run(
            try repository.applyArguments(json.replacingOccurrences(of: "\"feature_views\"", with: "\"featureviews\"")))
        #expect(topLevel.status == 1)
        #expect(
            topLevel.standardError.contains("field 'featureviews': unknown member; did you mean \"feature_views\"?"),
            "\(topLevel.standardError)")
        #expect(try await registryText(repository) == before)
    }

    @Test func invalidJSONIsLocatedByLineAndColumn() async throws {
        let repository = try ManifestRepository()
        let result = try await LarderExecutable.run(
            try repository.applyArguments("{\n  \"manifest_version\": 1,\n  \"entities\": [}\n"))
        #expect(result.status == 1)
        #expect(
            result.standardError.contains("invalid JSON at line 3, column 16: unexpected '}'; expected a value"),
            "\(result.standardError)")
    }

    @Test func deletingAViewOrServiceIsShownAndNeedsAllowDeletes() async throws {
        let repository = try await ManifestRepository().applied()
        let materialized = try await LarderExecutable.run([
            "materialize", "2026-01-01", "2026-01-03", "--repo", repository.path,
        ])
        #expect(materialized.status == 0, "\(materialized.standardError)")
        let before = try await registryText(repository)
        let smaller = ManifestRepository.manifest(withStats: false).jsonText()
        let stored =
            "feature view 'merchant_stats' (stores 6 rows offline, 3 keys online, materialized until 2026-01-03T00:00:00Z)"

        let planned = try await LarderExecutable.run(try repository.applyArguments(smaller, verb: "plan"))
        #expect(planned.status == 0, "\(planned.standardError)")
        #expect(
            planned.standardOutput.contains(
                "Would delete feature view 'merchant_stats': stores 6 rows offline, 3 keys online"),
            "\(planned.standardOutput)")
        #expect(planned.standardOutput.contains("Would delete feature service 'merchant_v1': serves 2 features"))
        #expect(planned.standardOutput.contains("--allow-deletes"))

        let refused = try await LarderExecutable.run(try repository.applyArguments(smaller))
        #expect(refused.status == 1)
        #expect(
            refused.standardError.contains("error: this apply deletes \(stored) and feature service 'merchant_v1'"),
            "\(refused.standardError)")
        #expect(refused.standardError.contains("pass --allow-deletes"))
        #expect(try await registryText(repository) == before)

        let allowed = try await LarderExecutable.run(try repository.applyArguments(smaller) + ["--allow-deletes"])
        #expect(allowed.status == 0, "\(allowed.standardError)")
        #expect(allowed.standardOutput.contains("Deleted feature view 'merchant_stats': stores 6 rows offline"))
        #expect(allowed.standardOutput.contains("Deleted feature service 'merchant_v1'"))
        let views = try await LarderExecutable.run(["feature-views", "list", "--repo", repository.path])
        #expect(!views.standardOutput.contains("merchant_stats"))
    }

    /// On a terminal (a pseudo-terminal from util-linux `script`), a deleting apply asks.
    @Test func onATerminalADeletingApplyAsks() async throws {
        let repository = try await ManifestRepository().applied()
        let arguments = try repository.applyArguments(ManifestRepository.manifest(withStats: false).jsonText())
        let command = ([LarderExecutable.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let script = URL(fileURLWithPath: "/usr/bin/script")
        let declined = try await Processes.run(script.path, ["-qec", command, "/dev/null"], input: "n\n")
        #expect(declined.status == 0, "\(declined.standardOutput)")
        #expect(
            declined.standardOutput.contains(
                "This apply deletes feature view 'merchant_stats' (nothing stored) and feature service 'merchant_v1'"),
            "\(declined.standardOutput)")
        #expect(declined.standardOutput.contains("Apply it? [y/N] Nothing applied."))
        #expect(
            try await LarderExecutable.run(["feature-views", "list", "--repo", repository.path]).standardOutput
                .contains("merchant_stats"))

        let accepted = try await Processes.run(script.path, ["-qec", command, "/dev/null"], input: "y\n")
        #expect(accepted.status == 0, "\(accepted.standardOutput)")
        #expect(
            accepted.standardOutput.contains("Deleted feature view 'merchant_stats': nothing stored"),
            "\(accepted.standardOutput)")
        #expect(
            !(try await LarderExecutable.run(["feature-views", "list", "--repo", repository.path]).standardOutput
                .contains("merchant_stats")))
    }

    @Test func aCSVColumnThatCannotHoldItsTypeFailsAtPlanAndApply() async throws {
        let repository = try ManifestRepository()
        let json = ManifestRepository.manifest(categoryType: .int64).jsonText()
        for verb in ["plan", "apply"] {
            let result = try await LarderExecutable.run(try repository.applyArguments(json, verb: verb))
            #expect(result.status == 1, "\(verb): \(result.standardOutput)")
            #expect(
                result.standardError.contains("feature view 'merchant_stats', field 'features[1]'"),
                "\(result.standardError)")
            #expect(result.standardError.contains("merchants.csv:2: column 'category'"), "\(result.standardError)")
            #expect(result.standardError.contains("the first 1000 rows"))
        }
        #expect(!FileManager.default.fileExists(atPath: repository.path + "/.larder/registry.json"))
    }

    @Test func aBadValueAfterTheSampleIsReportedByIngestWithItsLine() async throws {
        var csv = "merchant_id,event_timestamp,tx_count,category\n"
        for row in 1...1_500 { csv += "\(row),2026-01-01T00:00:00Z,\(row == 1_200 ? "many" : "1"),grocery\n" }
        let repository = try await ManifestRepository(statsCSV: csv).applied()
        let ingested = try await LarderExecutable.run(["ingest", "--repo", repository.path])
        #expect(ingested.status == 1)
        #expect(ingested.standardError.contains("merchants.csv:1201"), "\(ingested.standardError)")
        #expect(ingested.standardError.contains("tx_count"))
    }

    @Test func materializeIncrementalBeforeTheLastRunIsAnError() async throws {
        let repository = try await ManifestRepository().applied()
        let first = try await LarderExecutable.run(["materialize-incremental", "2026-02-01", "--repo", repository.path])
        #expect(first.status == 0, "\(first.standardError)")
        let before = try await registryText(repository)
        let backwards = try await LarderExecutable.run([
            "materialize-incremental", "2020-01-01", "--repo", repository.path,
        ])
        #expect(backwards.status == 1)
        #expect(
            backwards.standardError.contains(
                "error: the end (2020-01-01T00:00:00Z) is before where feature view 'merchant_stats' was last materialized (2026-02-01T00:00:00Z)"
            ), "\(backwards.standardError)")
        #expect(try await registryText(repository) == before)
    }
}
