import ArgumentParser
import Larder
import LarderCore

/// `larder data-sources`.
struct DataSources: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data-sources", abstract: "Inspect the applied data sources.",
        subcommands: [List.self, Describe.self])

    /// `larder data-sources list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the applied data sources (files and push sources).",
            discussion: "Examples:\n  larder data-sources list --repo feature_repo\n  larder data-sources list --json")
        @OptionGroup var options: ListOptions

        func run() throws {
            let manifest = try options.repository.openAppliedStore().registry.manifest
            try options.print(manifest.sources, headers: ["NAME", "KIND", "PATH", "TIMESTAMP", "USED BY"]) { source in
                let file = source.fileSource
                var kind = "file"
                if case .push = source { kind = "push" }
                let views = manifest.featureViews.filter { $0.source == source.name }.map(\.name)
                return [source.name, kind, file.path, file.timestampField, views.joined(separator: ", ")]
            }
        }
    }
}
