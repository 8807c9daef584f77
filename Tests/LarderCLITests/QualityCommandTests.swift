import Foundation
import LarderCore
import LarderTestSupport
import Testing

/// `get-historical-features --save-as`, `datasets`, `profile` and `drift` through the binary,
/// on a repository whose training set and scored files are written here.
@Suite(.serialized) struct QualityCommandTests {
    /// 300 merchants with a count and a category each; entity rows with an amount and a label.
    static func repository() async throws -> ManifestRepository {
        var numbers = SeededGenerator(seed: 7)
        var stats = "merchant_id,event_timestamp,tx_count,category\n"
        let categories = ["grocery", "online", "fuel"]
        for merchant in 1...300 {
            stats += "\(merchant),2026-01-01T00:00:00Z,\(Int(numbers.unit() * 50)),"
            stats += "\(categories[Int(numbers.unit() * 3)])\n"
        }
        let repository = try ManifestRepository(statsCSV: stats)
        try repository.write(entityRows(&numbers, amountScale: 1, count: 900), to: "entities.csv")
        return try await repository.applied()
    }

    /// Entity rows of random merchants with an amount (times `amountScale`) and a label.
    static func entityRows(_ numbers: inout SeededGenerator, amountScale: Double, count: Int) -> String {
        var text = "merchant_id,event_timestamp,amount,label\n"
        for _ in 0..<count {
            let merchant = 1 + Int(numbers.unit() * 300)
            let amount = (numbers.unit() * 100 + numbers.unit() * 100) * amountScale
            text += "\(merchant),2026-01-01T12:00:00Z,\(amount),\(numbers.unit() < 0.1 ? 1 : 0)\n"
        }
        return text
    }

    static func run(_ repository: ManifestRepository, _ arguments: [String]) async throws -> ProcessOutput {
        try await LarderExecutable.run(arguments + ["--repo", repository.path])
    }

    static func json(_ output: ProcessOutput) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
    }

    @Test func savedDatasetIsTheBaselineOfDrift() async throws {
        let repository = try await Self.repository()
        let entities = repository.directory.appendingPathComponent("entities.csv").path
        let saved = try await Self.run(
            repository,
            ["get-historical-features", "--entities", entities, "--service", "merchant_v1", "--save-as", "base"])
        #expect(saved.status == 0, "\(saved)")
        #expect(saved.standardOutput.contains("Saved dataset base: 900 rows"))
        let again = try await Self.run(
            repository,
            ["get-historical-features", "--entities", entities, "--service", "merchant_v1", "--save-as", "base"])
        #expect(again.exitedNonZero && again.standardError.contains("'base' exists already"), "\(again)")

        let listed = try await Self.run(repository, ["datasets", "list"])
        #expect(listed.standardOutput.contains("base") && listed.standardOutput.contains("900"), "\(listed)")
        let shown = try Self.json(try await Self.run(repository, ["datasets", "show", "base", "--json"]))
        #expect(shown["feature_columns"] as? [String] == ["amount", "label", "tx_count", "category"])
        #expect(shown["feature_service"] as? String == "merchant_v1")
        let range = try #require(shown["entity_time_range"] as? [String: Any])
        #expect(range["start"] as? String == "2026-01-01T12:00:00Z")

        // The profile of the dataset: numbers for tx_count, top values for category.
        let profile = try Self.json(try await Self.run(repository, ["profile", "--dataset", "base", "--json"]))
        let features = try #require(profile["features"] as? [[String: Any]])
        #expect(features.map { $0["name"] as? String } == ["amount", "label", "tx_count", "category"])
        let category = try #require(features.last)
        #expect(category["distinct_count"] as? Int == 3)
        #expect(category["mean"] is NSNull)
        let count = try #require(features.first { $0["name"] as? String == "tx_count" })
        #expect((count["max"] as? Double).map { $0 <= 49 } == true)
        #expect(
            (count["quantiles"] as? [String: Double])?.keys.sorted() == ["p1", "p25", "p5", "p50", "p75", "p95", "p99"])

        // A scored stream whose amounts are three times larger: only amount drifts.
        var numbers = SeededGenerator(seed: 99)
        try repository.write(Self.entityRows(&numbers, amountScale: 3, count: 700), to: "shifted.csv")
        let shiftedTraining = repository.directory.appendingPathComponent("scored.csv").path
        let scored = try await Self.run(
            repository,
            [
                "get-historical-features", "--entities",
                repository.directory.appendingPathComponent("shifted.csv").path,
                "--service", "merchant_v1", "--output", shiftedTraining,
            ])
        #expect(scored.status == 0, "\(scored)")
        let drift = try await Self.run(
            repository, ["drift", "--baseline", "base", "--file", shiftedTraining, "--json", "--push-metrics"])
        #expect(drift.status == 3, "\(drift)")
        let report = try Self.json(drift)
        #expect(report["drifted"] as? [String] == ["amount"])
        #expect(report["baseline"] as? String == "base")
        #expect(report["bonferroni"] as? Bool == true)
        let rows = try #require(report["features"] as? [[String: Any]])
        #expect(
            Set(rows[0].keys) == [
                "name", "kind", "baseline_rows", "current_rows", "psi", "ks_statistic", "ks_p_value", "chi2_statistic",
                "chi2_p_value", "null_fraction_change", "drifted",
            ])
        let categoryDrift = try #require(rows.first { $0["name"] as? String == "category" })
        #expect(categoryDrift["kind"] as? String == "categorical" && categoryDrift["ks_p_value"] is NSNull)
        #expect(categoryDrift["chi2_p_value"] as? Double != nil)
        let pushed = try String(contentsOfFile: repository.path + "/.larder/quality/drift-latest.json", encoding: .utf8)
        #expect(
            pushed.trimmingCharacters(in: .whitespacesAndNewlines)
                == drift.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines))

        // The table says the same; the baseline against itself does not drift.
        let table = try await Self.run(repository, ["drift", "--baseline", "base", "--file", shiftedTraining])
        #expect(table.status == 3 && table.standardOutput.contains("Drifted: amount"), "\(table)")
        let itself = try await Self.run(repository, ["drift", "--baseline", "base", "--dataset", "base"])
        #expect(itself.status == 0 && itself.standardOutput.contains("No feature drifted"), "\(itself)")

        // Thresholds declared with the feature service apply, and the flags override them.
        var strict = ManifestRepository.manifest()
        let service = try #require(strict.featureServices.firstIndex { $0.name == "merchant_v1" })
        strict.featureServices[service].drift = DriftPolicy(pValue: 1e-300, psi: 1_000)
        let reapplied = try await LarderExecutable.run(try repository.applyArguments(strict.jsonText()))
        #expect(reapplied.status == 0, "\(reapplied)")
        let declared = try await Self.run(repository, ["drift", "--baseline", "base", "--file", shiftedTraining])
        #expect(declared.status == 0 && declared.standardOutput.contains("PSI >= 1000"), "\(declared)")
        let flagged = try await Self.run(
            repository,
            ["drift", "--baseline", "base", "--file", shiftedTraining, "--psi", "0.25", "--p-value", "0.05"])
        #expect(flagged.status == 3 && flagged.standardOutput.contains("Drifted: amount"), "\(flagged)")
        strict.featureServices[service].drift = DriftPolicy(psi: -1)
        let refused = try await LarderExecutable.run(try repository.applyArguments(strict.jsonText()))
        #expect(refused.status != 0 && refused.standardError.contains("drift.psi"), "\(refused)")

        // Errors name what is wrong.
        let unknown = try await Self.run(repository, ["drift", "--baseline", "nope", "--dataset", "base"])
        #expect(unknown.status == 1 && unknown.standardError.contains("no saved dataset 'nope' (saved: base)"))
        let missingColumn = try await Self.run(repository, ["drift", "--baseline", "base", "--file", entities])
        #expect(
            missingColumn.standardError.contains("lacks the baseline's feature columns 'tx_count', 'category'"),
            "\(missingColumn)")
        let unknownFeature = try await Self.run(
            repository, ["drift", "--baseline", "base", "--file", entities, "--features", "amount,colour"])
        #expect(unknownFeature.standardError.contains("dataset base has no feature 'colour'"), "\(unknownFeature)")
        let onlyAmount = try await Self.run(
            repository, ["drift", "--baseline", "base", "--file", entities, "--features", "amount", "--json"])
        #expect(onlyAmount.status == 0, "\(onlyAmount)")
        let noFile = try await Self.run(repository, ["profile", "--file", "/nonexistent/x.parquet"])
        #expect(noFile.standardError.contains("/nonexistent/x.parquet: no such file"))

        // A view's stored rows, then deleting the dataset.
        let view = try await Self.run(repository, ["profile", "--view", "merchant_stats"])
        #expect(view.status == 0 && view.standardOutput.contains("view merchant_stats: 300 rows"), "\(view)")
        let recent = try await Self.run(repository, ["profile", "--view", "merchant_stats", "--since", "7d"])
        #expect(recent.standardOutput.contains("view merchant_stats: 0 rows"), "\(recent)")
        let sinceAlone = try await Self.run(repository, ["profile", "--file", entities, "--since", "7d"])
        #expect(
            sinceAlone.status == 64 && sinceAlone.standardError.contains("--since applies to --view and --logged only"))
        let deleted = try await Self.run(repository, ["datasets", "delete", "base"])
        #expect(deleted.status == 0, "\(deleted)")
        let empty = try await Self.run(repository, ["datasets", "list"])
        #expect(empty.standardOutput.contains("No saved datasets"))
    }
}
