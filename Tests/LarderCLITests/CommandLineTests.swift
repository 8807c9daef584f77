import Foundation
import LarderTestSupport
import Testing

/// What a Feast user reaches for on the command line: a version, suggestions for a misspelled
/// verb, describe and data-sources, comma lists, and errors that say what to do.
@Suite(.serialized) struct CommandLineTests {
    @Test func versionIsPrintedByTheFlagAndTheVerb() async throws {
        let flag = try await LarderExecutable.run(["--version"])
        let verb = try await LarderExecutable.run(["version"])
        #expect(flag.status == 0)
        #expect(verb.status == 0)
        #expect(flag.standardOutput == verb.standardOutput)
        #expect(
            flag.standardOutput.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil,
            "\(flag.standardOutput)")
    }

    @Test func shellCompletionIsDocumentedInTheHelpAndWorks() async throws {
        let help = try await LarderExecutable.run(["--help"])
        #expect(help.standardOutput.contains("`larder --generate-completion-script bash` (or zsh, fish)"))
        for shell in ["bash", "zsh", "fish"] {
            let script = try await LarderExecutable.run(["--generate-completion-script", shell])
            #expect(script.status == 0)
            #expect(script.standardOutput.contains("materialize-incremental"), "\(shell)")
            #expect(script.standardOutput.contains("data-sources"), "\(shell)")
        }
    }

    @Test(arguments: [
        (
            ["materialise", "2026-01-01", "now", "--repo", "r"],
            "unknown command 'materialise'; did you mean 'materialize'? (`larder --help` lists the commands)"
        ),
        (
            ["data-source", "list", "--repo", "r"],
            "unknown command 'data-source'; did you mean 'data-sources'? (`larder --help` lists the commands)"
        ),
        (
            ["entities", "lst", "--repo", "r"],
            "unknown command 'entities lst'; did you mean 'list'? (`larder entities --help` lists the commands)"
        ),
        (["frobnicate"], "unknown command 'frobnicate'; (`larder --help` lists the commands)"),
    ])
    func anUnknownVerbSuggestsTheClosestOne(arguments: [String], message: String) async throws {
        let result = try await LarderExecutable.run(arguments)
        #expect(result.status == 64)
        #expect(result.standardError == "error: \(message)\n")
    }

    @Test func dataSourcesAndDescribeShowOneObject() async throws {
        let repository = try await ManifestRepository().applied()
        let sources = try await LarderExecutable.run(["data-sources", "list", "--repo", repository.path])
        #expect(sources.status == 0, "\(sources.standardError)")
        #expect(
            sources.standardOutput.contains("merchants  file  data/merchants.csv  event_timestamp  merchant_stats"),
            "\(sources.standardOutput)")

        for (group, name) in [
            ("entities", "merchant"), ("data-sources", "risk"), ("feature-views", "merchant_stats"),
            ("feature-services", "merchant_v1"),
        ] {
            let described = try await LarderExecutable.run([group, "describe", name, "--repo", repository.path])
            #expect(described.status == 0, "\(group): \(described.standardError)")
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(described.standardOutput.utf8)) as? [String: Any])
            let spec = try #require(object["spec"] as? [String: Any])
            let meta = try #require(object["meta"] as? [String: Any])
            #expect(spec["name"] as? String == name)
            #expect(meta["created_timestamp"] is String, "\(group)")
        }
        let view = try await LarderExecutable.run([
            "feature-views", "describe", "merchant_stats", "--repo", repository.path,
        ])
        #expect(
            view.standardOutput.contains(#""stored" : "nothing stored""#)
                || view.standardOutput.contains(#""stored": "nothing stored""#), "\(view.standardOutput)")
        let service = try await LarderExecutable.run([
            "feature-services", "describe", "merchant_v1", "--repo", repository.path,
        ])
        #expect(service.standardOutput.contains("merchant_stats:tx_count, merchant_stats:category"))

        let misspelled = try await LarderExecutable.run([
            "feature-views", "describe", "merchant_stat", "--repo", repository.path,
        ])
        #expect(misspelled.status == 1)
        #expect(
            misspelled.standardError
                == "error: no feature view 'merchant_stat' in the registry; did you mean \"merchant_stats\"? (applied: merchant_stats, merchant_risk)\n"
        )
    }

    @Test func viewsTakeCommaLists() async throws {
        let repository = try await ManifestRepository().applied()
        let ingested = try await LarderExecutable.run([
            "ingest", "--views", "merchant_stats,merchant_risk", "--repo", repository.path,
        ])
        #expect(ingested.status == 0, "\(ingested.standardError)")
        #expect(ingested.standardOutput.contains("merchant_stats: ingested, 6 rows"))
        #expect(ingested.standardOutput.contains("merchant_risk: ingested, 1 rows"))
        let unknown = try await LarderExecutable.run([
            "materialize", "2026-01-01", "now", "--views", "merchant_stats,nope", "--repo", repository.path,
        ])
        #expect(unknown.status == 1)
        #expect(unknown.standardError.contains("feature view 'nope': is not in the registry"))
        let empty = try await LarderExecutable.run(["ingest", "--views", "merchant_stats,", "--repo", repository.path])
        #expect(empty.status == 64)
        #expect(empty.standardError.contains("--views has an empty view name"))
    }

    @Test func errorsAreSpelledOneWay() async throws {
        let repository = try await ManifestRepository().applied()
        for arguments in [
            ["teardown", "--repo", repository.path],
            ["materialize", "2026-02-01", "2026-01-01", "--repo", repository.path],
            ["cat", repository.path + "/missing.csv"],
            ["apply", "--repo", "/nonexistent"],
        ] {
            let result = try await LarderExecutable.run(arguments)
            #expect(result.status != 0)
            #expect(result.standardError.hasPrefix("error: "), "\(arguments[0]): \(result.standardError)")
            #expect(!result.standardError.contains("Error:"))
        }
    }

    @Test func anEmptyRegistrySaysToApplyFirst() async throws {
        let repository = try ManifestRepository()
        for arguments in [
            ["entities", "list"], ["feature-views", "list"], ["data-sources", "list"], ["registry-dump"],
            ["feature-views", "describe", "x"], ["materialize-incremental", "now"], ["ingest"],
            ["get-online-features", "--features", "v:f", "--entity", "merchant_id=1"],
        ] {
            let result = try await LarderExecutable.run(arguments + ["--repo", repository.path])
            #expect(result.status == 1, "\(arguments)")
            #expect(
                result.standardError
                    == "error: nothing applied yet in \(repository.path): run `larder apply --repo \(repository.path)` first\n",
                "\(arguments)")
        }
    }

    @Test func trainingSetMistakesSayWhatToDo() async throws {
        let repository = try await ManifestRepository().applied()
        try repository.write("merchant_id,ts\n1,2026-01-02T00:00:00Z\n", to: "entities.csv")
        let entities = repository.path + "/entities.csv"
        let noTimestamp = try await LarderExecutable.run([
            "get-historical-features", "--repo", repository.path, "--entities", entities, "--service", "merchant_v1",
            "--output", repository.path + "/train.csv",
        ])
        #expect(noTimestamp.status == 1)
        #expect(
            noTimestamp.standardError
                == "error: \(entities) has no column 'event_timestamp' (columns: merchant_id, ts); name the entity rows' timestamp column with --timestamp-column\n"
        )

        let withColumn = try await LarderExecutable.run([
            "get-historical-features", "--repo", repository.path, "--entities", entities, "--service", "merchant_v1",
            "--timestamp-column", "ts", "--output", repository.path + "/train.csv",
        ])
        #expect(withColumn.status == 0, "\(withColumn.standardError)")

        let text = try await LarderExecutable.run([
            "get-historical-features", "--repo", repository.path, "--entities", entities, "--service", "merchant_v1",
            "--output", "out.txt",
        ])
        #expect(text.status == 64)
        #expect(
            text.standardError.hasPrefix(
                "error: --output out.txt: name the training set .csv or .parquet (its format follows the extension)"))
        #expect(!text.standardError.contains("choose a format"))
    }

    @Test func catRefusesFilesThatAreNotTables() async throws {
        let repository = try ManifestRepository()
        let yaml = repository.path + "/feature_store.yaml"
        let result = try await LarderExecutable.run(["cat", yaml])
        #expect(result.status == 1)
        #expect(
            result.standardError
                == "error: \(yaml): not a CSV or Parquet file; cat prints .csv files and Parquet files\n")
        #expect(result.standardOutput.isEmpty)
    }

    /// Every verb's help: each example line starts a command or continues one ending in `\`,
    /// so no example is broken between an option and its value; the service in `serve`'s
    /// example is one the example repository defines.
    @Test func helpExamplesPasteAndRun() async throws {
        let verbs: [[String]] = [
            ["init"], ["apply"], ["plan"], ["registry-dump"], ["entities", "list"], ["entities", "describe"],
            ["data-sources", "list"], ["data-sources", "describe"], ["feature-views", "list"],
            ["feature-views", "describe"],
            ["feature-services", "list"], ["feature-services", "describe"], ["teardown"], ["cat"], ["ingest"],
            ["materialize"], ["materialize-incremental"], ["get-historical-features"], ["get-online-features"],
            ["serve"], ["version"],
        ]
        for verb in verbs {
            let help = try await LarderExecutable.run(verb + ["--help"])
            #expect(help.status == 0)
            let lines = help.standardOutput.components(separatedBy: "\n")
            let start = try #require(
                lines.firstIndex { $0.hasSuffix("Example:") || $0.hasSuffix("Examples:") }, "\(verb)")
            var previous = ""
            for line in lines[(start + 1)...].prefix(while: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                let text = line.trimmingCharacters(in: .whitespaces)
                let startsCommand = ["larder ", "curl ", "body=", "body+="].contains { text.hasPrefix($0) }
                #expect(startsCommand || previous.hasSuffix("\\"), "\(verb): '\(line)' is broken off the line before")
                previous = text
            }
        }
        let serve = try await LarderExecutable.run(["serve", "--help"]).standardOutput
        let definitions = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
                "../../feature_repo/definitions/main.swift"),
            encoding: .utf8)
        let services = serve.matches(of: /"feature_service": "(\w+)"/).map { String($0.1) }
        #expect(!services.isEmpty)
        for service in services {
            #expect(definitions.contains("FeatureService(\"\(service)\""), "serve --help names \(service)")
        }
    }
}
