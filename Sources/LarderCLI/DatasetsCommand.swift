import ArgumentParser
import Foundation
import LarderFormats
import LarderQuality

/// `larder datasets`: the saved training sets that drift is measured against.
struct Datasets: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datasets",
        abstract: "List, show or delete saved datasets (get-historical-features --save-as NAME).",
        subcommands: [List.self, Show.self, Delete.self])

    /// `larder datasets list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the saved datasets.")

        @OptionGroup var options: RepositoryOptions

        func run() throws {
            let datasets = try options.savedDatasets().list()
            guard !datasets.isEmpty else {
                print("No saved datasets; save one with `larder get-historical-features ... --save-as NAME`.")
                return
            }
            var table = TextTable(headers: ["name", "rows", "features", "entity rows from", "to", "saved"])
            for dataset in datasets {
                table.appendRow([
                    dataset.name, String(dataset.rows), dataset.featureService ?? "\(dataset.features.count) features",
                    dataset.entityTimeRange.start ?? "", dataset.entityTimeRange.end ?? "", dataset.createdAt,
                ])
            }
            print(table.rendered(), terminator: "")
        }
    }

    /// `larder datasets show NAME`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a saved dataset's definition and profile.")

        @OptionGroup var options: RepositoryOptions

        @Argument(help: "The dataset.")
        var name: String

        @Flag(name: .long, help: "Print dataset.json.")
        var json = false

        func run() throws {
            let dataset = try options.savedDatasets().dataset(named: name)
            if json {
                print(try QualityJSON.text(dataset))
                return
            }
            print(
                """
                Dataset \(dataset.name), saved \(dataset.createdAt): \(dataset.rows) rows
                Features: \(dataset.featureService.map { "service \($0): " } ?? "")\(dataset.features.joined(separator: ", "))
                Entity rows: \(dataset.entitySource) (\(dataset.timestampColumn) from \
                \(dataset.entityTimeRange.start ?? "-") to \(dataset.entityTimeRange.end ?? "-"))

                """)
            print(ProfileText.render(dataset.profile), terminator: "")
        }
    }

    /// `larder datasets delete NAME`.
    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a saved dataset.")

        @OptionGroup var options: RepositoryOptions

        @Argument(help: "The dataset.")
        var name: String

        func run() throws {
            try options.savedDatasets().delete(named: name)
            print("Deleted dataset \(name).")
        }
    }
}
