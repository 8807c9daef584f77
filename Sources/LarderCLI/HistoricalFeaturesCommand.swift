import ArgumentParser
import Foundation
import Larder
import LarderCore
import LarderFormats

/// `larder get-historical-features`: build a point-in-time correct training set.
struct GetHistoricalFeatures: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get-historical-features",
        abstract: "Build a training set: each entity row with its features as of the row's time.",
        discussion: """
            Every row of the entity file is kept, in order, with all its columns (labels pass \
            through); each feature is the latest value at or before the row's timestamp and \
            within the view's TTL, never later. Output is CSV or Parquet by extension.

            Examples:
              larder get-historical-features --entities labels.parquet \\
                --service fraud_detection_v1 --output train.parquet
              larder get-historical-features --entities labels.csv \\
                --features user_transactions:amount_mean_7d,merchant_profiles:category \\
                --full-feature-names --output train.csv
            """)

    @OptionGroup var options: RepositoryOptions

    @Option(
        name: .long,
        help: "The entity file (CSV or Parquet): join keys, a timestamp, labels. Relative to the current directory.")
    var entities: String

    @Option(name: .long, help: "Features as view:feature, comma-separated.")
    var features: String?

    @Option(name: .long, help: "A feature service whose features to use.")
    var service: String?

    @Flag(name: .long, help: "Name feature columns view__feature.")
    var fullFeatureNames = false

    @Option(name: .long, help: "The entity file's timestamp column.")
    var timestampColumn = "event_timestamp"

    @Option(name: .long, help: "The training set to write (.csv or .parquet), relative to the current directory.")
    var output: String?

    @Option(name: .long, help: "Also keep the training set as a saved dataset of this name (see `larder datasets`).")
    var saveAs: String?

    func validate() throws {
        guard (features == nil) != (service == nil) else {
            throw ValidationError("give exactly one of --features and --service")
        }
        guard output != nil || saveAs != nil else {
            throw ValidationError("give --output, --save-as or both")
        }
        guard let output else { return }
        guard ["csv", "parquet", "pq"].contains((output as NSString).pathExtension.lowercased()) else {
            throw ValidationError(
                "--output \(output): name the training set .csv or .parquet (its format follows the extension)")
        }
    }

    func run() throws {
        let store = try options.openAppliedStore().store
        let references = try featureReferences(features: features, service: service, store: store)
        // Paths on the command line are relative to the current directory, not to the repository.
        let entitiesPath = URL(fileURLWithPath: entities).standardizedFileURL.path
        let columns = try TableFiles.openReader(path: entitiesPath).schema.columns.map(\.name)
        guard columns.contains(timestampColumn) else {
            throw CLIError(
                "\(entities) has no column '\(timestampColumn)' (columns: \(columns.joined(separator: ", "))); "
                    + "name the entity rows' timestamp column with --timestamp-column")
        }
        let scratch = saveAs != nil && output == nil ? try TrainingSetScratch() : nil
        let outputPath = output.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? scratch!.path
        let report = try store.getHistoricalFeatures(
            entitiesPath: entitiesPath, timestampColumn: timestampColumn,
            features: references, fullFeatureNames: fullFeatureNames, outputPath: outputPath)
        let matched = report.matchedRows.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(
            separator: ", ")
        print(
            "Wrote \(report.entityRows) rows to \(output ?? "the saved dataset") in \(ProgressLine.seconds(report.elapsed)) "
                + "(rows with features: \(matched))"
        )
        if let saveAs {
            let dataset = try saveDataset(
                named: saveAs, trainingSet: outputPath, entitiesPath: entitiesPath, references: references,
                joinKeys: Set(try store.registry().manifest.entities.flatMap(\.joinKeys).map(\.name)), options: options)
            print(
                "Saved dataset \(saveAs): \(dataset.rows) rows, features \(dataset.featureColumns.joined(separator: ", "))"
            )
        }
        // The scratch directory (if any) is removed only now, after the dataset copied the file.
        withExtendedLifetime(scratch) {}
    }
}

/// The references named by `--features a:b,c:d` or by `--service NAME`.
func featureReferences(features: String?, service: String?, store: FeatureStore) throws -> [FeatureReference] {
    if let service { return try store.currentRegistry().manifest.references(ofService: service) }
    return try (features ?? "").split(separator: ",").map {
        try FeatureReference(parsing: String($0).trimmingCharacters(in: .whitespaces))
    }
}
