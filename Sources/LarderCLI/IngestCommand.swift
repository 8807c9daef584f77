import ArgumentParser
import Larder
import LarderStores

/// `larder ingest`: load changed source files into the offline store.
struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load the feature views' source files into the offline store.",
        discussion: """
            Only files that changed since the last ingestion are read again; a failed file keeps \
            the view's previous rows. Ingestion also runs on demand before a training set or a \
            materialization.

            Examples:
              larder ingest --repo feature_repo
              larder ingest --views user_transactions,merchant_transactions --force
            """)

    @OptionGroup var options: RepositoryOptions

    @OptionGroup var views: ViewNames

    @Flag(name: .long, help: "Read the files even if they did not change.")
    var force = false

    func run() throws {
        let store = try options.openAppliedStore().store
        let progress = ProgressLine()
        let reports = try store.ingest(views: views.names, force: force) { step in
            let eta = step.estimatedRemaining.map { ", ETA \(ProgressLine.seconds($0))" } ?? ""
            progress.show("\(step.view): \(step.rowsDone) rows, \(Int(step.rowsPerSecond)) rows/s\(eta)")
        }
        progress.finish()
        for report in reports {
            let kept = report.keptAppendedRows > 0 ? " (\(report.keptAppendedRows) pushed rows kept)" : ""
            print(
                "\(report.view): \(report.outcome == .upToDate ? "up to date" : "ingested"), \(report.rowCount) rows\(kept) in \(ProgressLine.seconds(report.elapsed))"
            )
            for violation in report.expectationViolations {
                print("  warning (policy warn, rows kept): \(violation.message)")
            }
        }
    }
}
