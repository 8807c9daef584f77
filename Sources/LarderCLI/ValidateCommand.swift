import ArgumentParser
import Larder

/// `larder validate`: every expectation checked on what the offline store holds.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the feature views' expectations on the rows the offline store holds.",
        discussion: """
            Every expectation of each view (or of the views named) is checked on its stored rows, \
            ingested and pushed. The exit status is 3 when an expectation fails (1 on an error), so a scheduler \
            can alert. Rules on source columns the store does not keep are checked on ingest and \
            push only and are listed as not checked here.

            Examples:
              larder validate --repo feature_repo
              larder validate --views user_transactions --json
            """)

    @OptionGroup var options: RepositoryOptions

    @OptionGroup var views: ViewNames

    @Flag(name: .long, help: "Print the reports as JSON (see docs/data-quality.md).")
    var json = false

    func run() throws {
        let reports = try options.openAppliedStore().store.validate(views: views.names)
        print(json ? ValidationOutput.json(reports) : ValidationOutput.text(reports), terminator: "")
        if reports.contains(where: { !$0.passed }) { throw ExitCode(QualityExitStatus.finding) }
    }
}
