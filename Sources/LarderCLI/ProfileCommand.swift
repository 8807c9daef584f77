import ArgumentParser
import Foundation
import LarderFormats
import LarderQuality

/// `larder profile`: per feature counts, nulls, range, mean, spread, quantiles, histogram, top values.
struct Profile: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Profile a file, a feature view's stored rows or a saved dataset.",
        discussion: """
            Per column: rows, null fraction, and for numbers min, max, mean, standard deviation \
            (ddof 1), exact quantiles p1 p5 p25 p50 p75 p95 p99 (numpy's default 'linear' \
            definition) and a 10-bin histogram; for strings and booleans the top values with \
            counts and the number of distinct values. --json prints the profile as JSON \
            (docs/data-quality.md describes it).

            Examples:
              larder profile --file data/transactions.parquet
              larder profile --view user_transactions --json
              larder profile --dataset fraud_training
            """)

    @OptionGroup var options: RepositoryOptions

    @OptionGroup var rows: QualitySourceOptions

    @Option(name: .long, help: "Only these columns, comma-separated.")
    var columns: String?

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        let source = try rows.source()
        let (reader, features) = try source.open(options)
        let chosen = columns.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
        let profile = try ColumnProfiler.profile(reader, columns: chosen ?? features, source: source.label)
        if json {
            print(try QualityJSON.text(profile))
        } else {
            print(ProfileText.render(profile), terminator: "")
        }
    }
}

/// JSON as the quality commands print it: indented, keys sorted so the text is stable.
enum QualityJSON {
    static func text(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
