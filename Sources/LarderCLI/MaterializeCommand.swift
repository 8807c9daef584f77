import ArgumentParser
import Larder
import LarderCore
import LarderStores

/// `larder materialize START END`.
struct Materialize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy the latest feature values in a time window to the online store.",
        discussion: """
            For each online feature view and entity key, the latest row with START <= event time \
            <= END is written to the online store unless the stored value is newer. Each view \
            commits atomically. Times are RFC 3339 (a date alone means midnight UTC).

            Examples:
              larder materialize 2026-01-01 2026-02-01T00:00:00Z --repo feature_repo
              larder materialize 2026-01-01 now --views user_transactions
            """)

    @OptionGroup var options: RepositoryOptions

    @Argument(help: "The earliest event time to copy (RFC 3339).", transform: parseTimestamp)
    var start: Timestamp

    @Argument(help: "The latest event time to copy (RFC 3339, or `now`).", transform: parseTimestamp)
    var end: Timestamp

    @OptionGroup var views: ViewNames

    func validate() throws {
        guard start <= end else { throw ValidationError("START (\(start)) is after END (\(end))") }
    }

    func run() throws {
        let store = try options.openAppliedStore().store
        let progress = ProgressLine()
        let reports = try store.materialize(start: start, end: end, views: views.names) {
            progress.show(MaterializeSummary.progressText($0))
        }
        progress.finish()
        MaterializeSummary.print(reports)
    }
}

/// `larder materialize-incremental END`.
struct MaterializeIncremental: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "materialize-incremental",
        abstract: "Materialize each view from where its last run ended up to END.",
        discussion: """
            A view never materialized before starts at its TTL before END (or at the beginning \
            when it has no TTL). Where each run ended is kept in the registry.

            Examples:
              larder materialize-incremental now --repo feature_repo
              larder materialize-incremental 2026-02-01T00:00:00Z --views merchant_profiles
            """)

    @OptionGroup var options: RepositoryOptions

    @Argument(help: "The latest event time to copy (RFC 3339, or `now`).", transform: parseTimestamp)
    var end: Timestamp

    @OptionGroup var views: ViewNames

    func run() throws {
        let store = try options.openAppliedStore().store
        let progress = ProgressLine()
        let reports = try store.materializeIncremental(end: end, views: views.names) {
            progress.show(MaterializeSummary.progressText($0))
        }
        progress.finish()
        MaterializeSummary.print(reports)
    }
}

/// Parses a command-line time: RFC 3339, a date, epoch seconds, or `now`.
func parseTimestamp(_ text: String) throws -> Timestamp {
    if text.lowercased() == "now" { return .now }
    guard let timestamp = Timestamp(parsing: text) else {
        throw ValidationError("'\(text)' is not a time; use RFC 3339 such as 2026-01-31T00:00:00Z, a date, or now")
    }
    return timestamp
}

/// What `materialize` prints.
enum MaterializeSummary {
    static func progressText(_ step: OnlineWriteProgress) -> String {
        switch step.phase {
        case .reading: "\(step.view): read \(step.rowsRead) rows"
        case .storing: "\(step.view): stored \(step.keysDone) of \(step.keysTotal) keys"
        case .committed: "\(step.view): committed \(step.keysTotal) keys"
        }
    }

    static func print(_ reports: [MaterializeReport]) {
        if reports.isEmpty { Swift.print("Nothing to materialize: no online view has ingested rows.") }
        for report in reports {
            let seconds =
                Double(report.elapsed.components.seconds) + Double(report.elapsed.components.attoseconds) / 1e18
            let rate = seconds > 0 ? Int(Double(report.keysRead) / seconds) : 0
            Swift.print(
                "\(report.view): \(report.write.keysWritten) keys written, \(report.write.keysSkippedAsOlder) skipped as older, "
                    + "window \(report.start.nanosecondsSinceEpoch == .min ? "beginning" : report.start.description) .. \(report.end), "
                    + "\(ProgressLine.seconds(report.elapsed)) (\(rate) keys/s)")
        }
    }
}
