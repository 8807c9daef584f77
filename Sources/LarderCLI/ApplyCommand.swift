import ArgumentParser
import Foundation
import Larder
import LarderCore

/// `larder apply`: validate the definitions and update the registry.
struct Apply: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the definitions and update the registry.",
        discussion: """
            Builds and runs the repository's Swift definitions (or reads --manifest FILE), checks \
            them against each other and against the source files (a CSV file's header and first \
            \(FeatureStore.csvSampleRows) rows), prints what is created, updated and deleted, and \
            replaces the registry atomically. Nothing is written when a definition is invalid.

            Deleting a feature view or a feature service (what it stored is listed) asks first \
            on a terminal; elsewhere it needs --allow-deletes.

            Examples:
              larder apply --repo feature_repo
              larder apply --manifest manifest.json --allow-deletes
            """)

    @OptionGroup var options: RepositoryOptions

    @Option(name: .long, help: "Read this manifest JSON file instead of building the Swift definitions.")
    var manifest: String?

    @Flag(name: .long, help: "Apply even when feature views or feature services are deleted, without asking.")
    var allowDeletes = false

    func run() async throws {
        let store = try options.openStore()
        let definitions = try await loadManifest(manifest, store: store)
        // The diff without validation: apply validates once, unless there is a deletion to confirm.
        let deletions = try DeletionReport(
            RegistryDiff(from: try store.registry().manifest, to: definitions), store: store)
        if !deletions.isEmpty && !allowDeletes {
            _ = try store.plan(definitions)
            guard isatty(STDIN_FILENO) != 0 else {
                throw CLIError(
                    "this apply deletes \(deletions.objects); pass \(DeletionReport.flag) to apply it "
                        + "(`larder plan` shows every change)")
            }
            print("This apply deletes \(deletions.objects). Apply it? [y/N] ", terminator: "")
            guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else {
                print("Nothing applied.")
                return
            }
        }
        let diff = try store.apply(definitions)
        print(DiffPrinter.text(deletions.annotating(diff), applied: true))
    }
}

/// `larder plan`: show what `apply` would change.
struct Plan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what apply would change, without writing anything.",
        discussion: """
            Examples:
              larder plan --repo feature_repo
              larder plan --manifest manifest.json
            """)

    @OptionGroup var options: RepositoryOptions

    @Option(name: .long, help: "Read this manifest JSON file instead of building the Swift definitions.")
    var manifest: String?

    func run() async throws {
        let store = try options.openStore()
        let diff = try store.plan(try await loadManifest(manifest, store: store))
        let deletions = try DeletionReport(diff, store: store)
        print(DiffPrinter.text(deletions.annotating(diff), applied: false))
        if !deletions.isEmpty {
            print("Applying deletes what these stored: `larder apply` asks first, or takes \(DeletionReport.flag).")
        }
    }
}

/// The manifest from a file, or from building the repository's definitions (saying so on
/// standard error when the first build will take a while).
func loadManifest(_ path: String?, store: FeatureStore) async throws -> Manifest {
    guard let path else {
        let definitions = store.configuration.definitions
        let package = store.resolve(definitions.package)
        let binary = (package as NSString).appendingPathComponent(".build/debug/\(definitions.product)")
        if !FileManager.default.fileExists(atPath: binary) {
            StandardOutput.writeError(
                "Building the definitions in \(package) for the first time (10-20 s; later runs reuse the build "
                    + "and take about a second)...\n")
        }
        return try await store.buildManifest()
    }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw CLIError("cannot read manifest file \(path)")
    }
    do {
        return try Manifest.decode(from: data)
    } catch var error as DefinitionError {
        error.object = "manifest file \(path)"
        throw error
    }
}

/// Formats a registry diff for people.
enum DiffPrinter {
    static func text(_ diff: RegistryDiff, applied: Bool) -> String {
        guard !diff.isEmpty else { return "No changes to the registry." }
        var lines = diff.changes.map { change in
            applied ? change.description : change.describe(verb: "Would \(change.action.rawValue)")
        }
        let counts = [RegistryChange.Action.create, .update, .delete].map { action in
            diff.changes.filter { $0.action == action }.count
        }
        lines.append(
            "\(applied ? "Applied" : "Plan"): \(counts[0]) to create, \(counts[1]) to update, \(counts[2]) to delete.")
        if !diff.viewsNeedingMaterialization.isEmpty {
            lines.append("Run `larder materialize` for: \(diff.viewsNeedingMaterialization.joined(separator: ", ")).")
        }
        return lines.joined(separator: "\n")
    }
}
