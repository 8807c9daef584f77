import Foundation
import LarderCore
import LarderTestSupport
import Testing

/// `larder ingest` and `larder validate` on a view with expectations, as a user runs them.
@Suite struct ValidateCommandTests {
    /// The merchant statistics, whose `tx_count` must lie in 0...10.
    static func manifest(policy: ExpectationPolicy) -> String {
        var manifest = ManifestRepository.manifest()
        manifest.featureViews[0].expectations = ViewExpectations(
            policy: policy, rules: [.between("tx_count", 0, 10), .inSet("category", ["grocery", "online", "fuel"])])
        return manifest.jsonText()
    }

    @Test func validateExitsNonZeroOnAViolationAndZeroWhenEverythingHolds() async throws {
        let repository = try ManifestRepository()
        let apply = try await LarderExecutable.run(try repository.applyArguments(Self.manifest(policy: .warn)))
        #expect(apply.status == 0, "\(apply.standardError)")
        // tx_count 12 on line 3 breaks between(0, 10); under warn the rows go in, with a warning.
        let ingest = try await LarderExecutable.run(["ingest", "--repo", repository.path])
        #expect(ingest.status == 0, "\(ingest.standardError)")
        #expect(
            ingest.standardOutput.contains(
                "warning (policy warn, rows kept): feature view 'merchant_stats': between(0, 10) on 'tx_count' failed for 1 of 6 rows: line 3 (12)"
            ), "\(ingest.standardOutput)")

        let failing = try await LarderExecutable.run(["validate", "--repo", repository.path])
        #expect(failing.status == 3)
        #expect(
            failing.standardOutput.contains(
                "  FAIL         between(0, 10) on 'tx_count' failed for 1 of 6 rows: stored row 1 (12)"),
            "\(failing.standardOutput)")
        #expect(
            failing.standardOutput.contains("  ok           in_set([\"grocery\", \"online\", \"fuel\"]) on 'category'"))
        let json = try await LarderExecutable.run(["validate", "--repo", repository.path, "--json"])
        #expect(json.status == 3)
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect(document["passed"] as? Bool == false)
        let view = try #require((document["views"] as? [[String: Any]])?.first)
        let rules = try #require(view["expectations"] as? [[String: Any]])
        #expect(rules.map { $0["status"] as? String } == ["failed", "passed"])
        #expect((rules[0]["first_rows"] as? [[String: Any]])?.first?["value"] as? String == "12")

        try repository.write(
            ManifestRepository.statsCSV.replacingOccurrences(of: ",12,", with: ",9,"), to: "data/merchants.csv")
        #expect(try await LarderExecutable.run(["ingest", "--repo", repository.path]).status == 0)
        let passing = try await LarderExecutable.run(["validate", "--repo", repository.path])
        #expect(passing.status == 0, "\(passing.standardOutput)")
        #expect(passing.standardOutput.hasSuffix("all expectations hold\n"))
    }

    @Test func ingestUnderRejectFailsNamingTheLine() async throws {
        let repository = try ManifestRepository()
        let apply = try await LarderExecutable.run(try repository.applyArguments(Self.manifest(policy: .reject)))
        #expect(apply.status == 0, "\(apply.standardError)")
        let ingest = try await LarderExecutable.run(["ingest", "--repo", repository.path])
        #expect(ingest.status != 0)
        #expect(
            ingest.standardError.contains(
                "data/merchants.csv was refused; the store is unchanged: feature view 'merchant_stats': between(0, 10) on 'tx_count' failed for 1 of 6 rows: line 3 (12)"
            ), "\(ingest.standardError)")
        let validate = try await LarderExecutable.run(["validate", "--repo", repository.path])
        #expect(validate.status == 0)
        #expect(validate.standardOutput.contains("merchant_stats (reject): not ingested yet"))
    }
}
