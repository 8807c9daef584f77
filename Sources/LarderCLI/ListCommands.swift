import ArgumentParser
import Foundation
import Larder
import LarderCore
import LarderFormats

/// Options of the `list` subcommands.
struct ListOptions: ParsableArguments {
    @OptionGroup var repository: RepositoryOptions

    @Flag(name: .long, help: "Print JSON (the manifest form of each object) instead of a table.")
    var json = false

    /// Prints objects as JSON or as a table.
    func print<Object: Encodable>(_ objects: [Object], headers: [String], row: (Object) -> [String]) throws {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Swift.print(String(decoding: try encoder.encode(objects), as: UTF8.self))
        } else {
            var table = TextTable(headers: headers)
            objects.map(row).forEach { table.appendRow($0) }
            Swift.print(table.rendered(), terminator: "")
        }
    }
}

/// `larder entities`.
struct Entities: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Inspect the applied entities.", subcommands: [List.self, Describe.self])

    /// `larder entities list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the applied entities.",
            discussion: "Examples:\n  larder entities list --repo feature_repo\n  larder entities list --json")
        @OptionGroup var options: ListOptions

        func run() throws {
            let manifest = try options.repository.openAppliedStore().registry.manifest
            try options.print(manifest.entities, headers: ["NAME", "JOIN KEYS", "DESCRIPTION"]) {
                [$0.name, $0.joinKeys.map { "\($0.name) (\($0.type))" }.joined(separator: ", "), $0.description]
            }
        }
    }
}

/// `larder feature-views`.
struct FeatureViews: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feature-views", abstract: "Inspect the applied feature views.",
        subcommands: [List.self, Describe.self])

    /// `larder feature-views list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the applied feature views.",
            discussion: "Examples:\n  larder feature-views list --repo feature_repo\n  larder feature-views list --json"
        )
        @OptionGroup var options: ListOptions

        func run() throws {
            let manifest = try options.repository.openAppliedStore().registry.manifest
            try options.print(
                manifest.featureViews, headers: ["NAME", "ENTITIES", "FEATURES", "TTL", "SOURCE", "ONLINE"]
            ) {
                [
                    $0.name, $0.entities.joined(separator: ", "), "\($0.features.count)",
                    $0.ttl.map { durationText($0) } ?? "none", $0.source, $0.online ? "yes" : "no",
                ]
            }
        }
    }
}

/// `larder feature-services`.
struct FeatureServices: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feature-services", abstract: "Inspect the applied feature services.",
        subcommands: [List.self, Describe.self])

    /// `larder feature-services list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the applied feature services.",
            discussion:
                "Examples:\n  larder feature-services list --repo feature_repo\n  larder feature-services list --json")
        @OptionGroup var options: ListOptions

        func run() throws {
            let manifest = try options.repository.openAppliedStore().registry.manifest
            try options.print(manifest.featureServices, headers: ["NAME", "FEATURES", "DESCRIPTION"]) { service in
                let count = (try? manifest.references(ofService: service.name).count) ?? 0
                return [
                    service.name, "\(count) from \(service.selections.map(\.featureView).joined(separator: ", "))",
                    service.description,
                ]
            }
        }
    }
}

/// `larder registry-dump`: the whole registry as JSON.
struct RegistryDump: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry-dump", abstract: "Print the registry as JSON.",
        discussion: "Example:\n  larder registry-dump --repo feature_repo > registry.json")
    @OptionGroup var options: RepositoryOptions

    func run() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(try options.openAppliedStore().registry), as: UTF8.self))
    }
}

/// A duration as its largest whole unit: `7d`, `12h`, `90s`.
func durationText(_ duration: Duration) -> String {
    let seconds = duration.components.seconds
    if seconds % 86_400 == 0 { return "\(seconds / 86_400)d" }
    if seconds % 3_600 == 0 { return "\(seconds / 3_600)h" }
    if seconds % 60 == 0 { return "\(seconds / 60)m" }
    return "\(seconds)s"
}
