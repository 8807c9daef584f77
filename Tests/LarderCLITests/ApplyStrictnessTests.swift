import Foundation
import Testing

/// `apply` never changes the registry silently: unknown members and invalid JSON are errors,
/// deleting needs `--allow-deletes`, and CSV values that cannot hold their type fail early.
@Suite(.serialized) struct ApplyStrictnessTests {
    func registryText(_ repository: ManifestRepository) throws -> String {
        try LarderProcess.run(["registry-dump", "--repo", repository.path]).output
    }

    @Test func aMisspelledMemberIsAnErrorNamingTheMemberMeant() throws {
        let repository = try ManifestRepository().applied()
        let before = try registryText(repository)
        let json = ManifestRepository.manifest().jsonText()

        let typo = try LarderProcess.run(try repository.applyArguments(json.replacingOccurrences(of: "\"ttl_seconds\"", with: "\"ttl_secnds\"")))
        #expect(typo.status == 1)
        #expect(typo.error.contains("field 'feature_views[0].ttl_secnds': unknown member; did you mean \"ttl_seconds\"?"), "\(typo.error)")
        #expect(typo.error.contains("manifest file \(repository.manifestPath)"))

        let topLevel = try LarderProcess.run(try repository.applyArguments(json.replacingOccurrences(of: "\"feature_views\"", with: "\"featureviews\"")))
        #expect(topLevel.status == 1)
        #expect(topLevel.error.contains("field 'featureviews': unknown member; did you mean \"feature_views\"?"), "\(topLevel.error)")
        #expect(try registryText(repository) == before)
    }

    @Test func invalidJSONIsLocatedByLineAndColumn() throws {
        let repository = try ManifestRepository()
        let result = try LarderProcess.run(try repository.applyArguments("{\n  \"manifest_version\": 1,\n  \"entities\": [}\n"))
        #expect(result.status == 1)
        #expect(result.error.contains("invalid JSON at line 3, column 16: unexpected '}'; expected a value"), "\(result.error)")
    }

    @Test func deletingAViewOrServiceIsShownAndNeedsAllowDeletes() throws {
        let repository = try ManifestRepository().applied()
        let materialized = try LarderProcess.run(["materialize", "2026-01-01", "2026-01-03", "--repo", repository.path])
        #expect(materialized.status == 0, "\(materialized.error)")
        let before = try registryText(repository)
        let smaller = ManifestRepository.manifest(withStats: false).jsonText()
        let stored = "feature view 'merchant_stats' (stores 6 rows offline, 3 keys online, materialized until 2026-01-03T00:00:00Z)"

        let planned = try LarderProcess.run(try repository.applyArguments(smaller, verb: "plan"))
        #expect(planned.status == 0, "\(planned.error)")
        #expect(planned.output.contains("Would delete feature view 'merchant_stats': stores 6 rows offline, 3 keys online"), "\(planned.output)")
        #expect(planned.output.contains("Would delete feature service 'merchant_v1': serves 2 features"))
        #expect(planned.output.contains("--allow-deletes"))

        let refused = try LarderProcess.run(try repository.applyArguments(smaller))
        #expect(refused.status == 1)
        #expect(refused.error.contains("error: this apply deletes \(stored) and feature service 'merchant_v1'"), "\(refused.error)")
        #expect(refused.error.contains("pass --allow-deletes"))
        #expect(try registryText(repository) == before)

        let allowed = try LarderProcess.run(try repository.applyArguments(smaller) + ["--allow-deletes"])
        #expect(allowed.status == 0, "\(allowed.error)")
        #expect(allowed.output.contains("Deleted feature view 'merchant_stats': stores 6 rows offline"))
        #expect(allowed.output.contains("Deleted feature service 'merchant_v1'"))
        let views = try LarderProcess.run(["feature-views", "list", "--repo", repository.path])
        #expect(!views.output.contains("merchant_stats"))
    }

    /// On a terminal (a pseudo-terminal from util-linux `script`), a deleting apply asks.
    @Test func onATerminalADeletingApplyAsks() throws {
        let repository = try ManifestRepository().applied()
        let arguments = try repository.applyArguments(ManifestRepository.manifest(withStats: false).jsonText())
        let command = ([LarderProcess.executable.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let script = URL(fileURLWithPath: "/usr/bin/script")
        let declined = try LarderProcess.run(program: script, ["-qec", command, "/dev/null"], input: "n\n")
        #expect(declined.status == 0, "\(declined.output)")
        #expect(declined.output.contains("This apply deletes feature view 'merchant_stats' (nothing stored) and feature service 'merchant_v1'"), "\(declined.output)")
        #expect(declined.output.contains("Apply it? [y/N] Nothing applied."))
        #expect(try LarderProcess.run(["feature-views", "list", "--repo", repository.path]).output.contains("merchant_stats"))

        let accepted = try LarderProcess.run(program: script, ["-qec", command, "/dev/null"], input: "y\n")
        #expect(accepted.status == 0, "\(accepted.output)")
        #expect(accepted.output.contains("Deleted feature view 'merchant_stats': nothing stored"), "\(accepted.output)")
        #expect(!(try LarderProcess.run(["feature-views", "list", "--repo", repository.path]).output.contains("merchant_stats")))
    }

    @Test func aCSVColumnThatCannotHoldItsTypeFailsAtPlanAndApply() throws {
        let repository = try ManifestRepository()
        let json = ManifestRepository.manifest(categoryType: .int64).jsonText()
        for verb in ["plan", "apply"] {
            let result = try LarderProcess.run(try repository.applyArguments(json, verb: verb))
            #expect(result.status == 1, "\(verb): \(result.output)")
            #expect(result.error.contains("feature view 'merchant_stats', field 'features[1]'"), "\(result.error)")
            #expect(result.error.contains("merchants.csv:2: column 'category'"), "\(result.error)")
            #expect(result.error.contains("the first 1000 rows"))
        }
        #expect(!FileManager.default.fileExists(atPath: repository.path + "/.larder/registry.json"))
    }

    @Test func aBadValueAfterTheSampleIsReportedByIngestWithItsLine() throws {
        var csv = "merchant_id,event_timestamp,tx_count,category\n"
        for row in 1...1_500 { csv += "\(row),2026-01-01T00:00:00Z,\(row == 1_200 ? "many" : "1"),grocery\n" }
        let repository = try ManifestRepository(statsCSV: csv).applied()
        let ingested = try LarderProcess.run(["ingest", "--repo", repository.path])
        #expect(ingested.status == 1)
        #expect(ingested.error.contains("merchants.csv:1201"), "\(ingested.error)")
        #expect(ingested.error.contains("tx_count"))
    }

    @Test func materializeIncrementalBeforeTheLastRunIsAnError() throws {
        let repository = try ManifestRepository().applied()
        let first = try LarderProcess.run(["materialize-incremental", "2026-02-01", "--repo", repository.path])
        #expect(first.status == 0, "\(first.error)")
        let before = try registryText(repository)
        let backwards = try LarderProcess.run(["materialize-incremental", "2020-01-01", "--repo", repository.path])
        #expect(backwards.status == 1)
        #expect(backwards.error.contains("error: the end (2020-01-01T00:00:00Z) is before where feature view 'merchant_stats' was last materialized (2026-02-01T00:00:00Z)"), "\(backwards.error)")
        #expect(try registryText(repository) == before)
    }
}
