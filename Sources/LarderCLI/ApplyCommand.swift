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
            them against each other and against the source files, prints what is created, updated \
            and deleted, and replaces the registry atomically. Nothing is written when a definition \
            is invalid.

            Examples:
              larder apply --repo feature_repo
              larder apply --manifest manifest.json
            """)

    @OptionGroup var options: RepositoryOptions

    @Option(name: .long, help: "Read this manifest JSON file instead of building the Swift definitions.")
    var manifest: String?

    func run() async throws {
        let store = try options.openStore()
        let diff = try store.apply(try await loadManifest(manifest, store: store))
        print(DiffPrinter.text(diff, applied: true))
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
        print(DiffPrinter.text(try store.plan(try await loadManifest(manifest, store: store)), applied: false))
    }
}

/// The manifest from a file, or from building the repository's definitions.
func loadManifest(_ path: String?, store: FeatureStore) async throws -> Manifest {
    guard let path else { return try await store.buildManifest() }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw CLIError("cannot read manifest file \(path)")
    }
    return try Manifest.decode(from: data)
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
        lines.append("\(applied ? "Applied" : "Plan"): \(counts[0]) to create, \(counts[1]) to update, \(counts[2]) to delete.")
        if !diff.viewsNeedingMaterialization.isEmpty {
            lines.append("Run `larder materialize` for: \(diff.viewsNeedingMaterialization.joined(separator: ", ")).")
        }
        return lines.joined(separator: "\n")
    }
}
