import ArgumentParser
import Foundation
import Larder
import LarderCore
import LarderFormats

/// `larder skew`: training/serving skew of a feature service, from the served-feature log.
struct Skew: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skew",
        abstract: "Compare the features a server served with the same features recomputed offline.",
        discussion: """
            For the requests the feature server logged for a feature service (feature_logging: in \
            feature_store.yaml), builds the training set of their entity rows at their log times \
            from the offline store and reports, per feature, the share of values that differ. \
            Exits with status 3 when a feature's share is above --threshold (1 on an error).

            Examples:
              larder skew --service fraud_detection_v1 --since 24h
              larder skew --service fraud_detection_v1 --since 2026-12-01T00:00:00Z --json
            """)

    @OptionGroup var options: RepositoryOptions

    @Option(name: .long, help: "The feature service.")
    var service: String

    @Option(name: .long, help: "Requests logged since: a duration back from now (30m, 24h, 7d) or an RFC 3339 time.")
    var since: String

    @Option(name: .long, help: "The share of differing values (0 to 1) above which a feature is skewed.")
    var threshold: Double = 0

    @Flag(name: .long, help: "Print the report as JSON.")
    var json = false

    func validate() throws {
        _ = try Self.instant(since, now: .now)
        guard (0...1).contains(threshold) else {
            throw ValidationError("--threshold \(threshold): expected a share from 0 to 1")
        }
    }

    func run() throws {
        let store = try options.openAppliedStore().store
        let report = try store.skew(service: service, since: try Self.instant(since, now: .now), threshold: threshold)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(Self.table(report))
        }
        if !report.skewed.isEmpty { throw ExitCode(QualityExitStatus.finding) }
    }

    /// The report as a terminal table.
    static func table(_ report: SkewReport) -> String {
        var table = TextTable(headers: ["feature", "compared", "differing", "share", "example (served / recomputed)"])
        for feature in report.features {
            table.appendRow([
                feature.name + (feature.skewed ? " (skewed)" : ""), String(feature.compared), String(feature.differing),
                String(format: "%.4f", feature.share),
                feature.example.map { "\($0.served) / \($0.recomputed) (request \($0.requestID))" } ?? "",
            ])
        }
        return "Feature service \(report.service): \(report.rows) logged rows since \(report.since)\n"
            + table.rendered()
    }

    /// `--since` as an instant: an RFC 3339 time, or a duration (`s`, `m`, `h`, `d`) before `now`.
    static func instant(_ text: String, now: Timestamp) throws -> Timestamp {
        if let time = Timestamp(parsing: text) { return time }
        guard let nanoseconds = AggregationWindow(text).nanoseconds else {
            throw ValidationError("--since \(text): expected a duration such as 30m, 24h or 7d, or an RFC 3339 time")
        }
        return Timestamp(nanosecondsSinceEpoch: now.nanosecondsSinceEpoch - nanoseconds)
    }
}
