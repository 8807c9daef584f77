import ArgumentParser

/// The root `larder` command: a feature store for training sets and online scoring.
@main
struct LarderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "larder",
        abstract: "A feature store: point-in-time training sets and fast online features.",
        discussion: """
            Start with `larder init my_repo`, edit the definitions in my_repo/definitions, then \
            `larder apply --repo my_repo`. Every command takes --repo DIR (default: the current directory).

            Shell completion: `larder --generate-completion-script bash` (or zsh, fish) prints \
            a script to source.
            """,
        version: LarderVersion.current,
        subcommands: [
            Init.self, Apply.self, Plan.self, RegistryDump.self, Entities.self, DataSources.self, FeatureViews.self,
            FeatureServices.self, Teardown.self, Cat.self, Ingest.self, Materialize.self, MaterializeIncremental.self,
            GetHistoricalFeatures.self, GetOnlineFeatures.self, Serve.self, UI.self, VersionCommand.self,
            Profile.self, Drift.self, Datasets.self,
            Validate.self,
            Skew.self,
        ]
    )

    /// Errors read `error: …`, the way `cat` and the compiler spell it.
    static var _errorPrefix: String { "error: " }

    /// Answers an unknown verb with the closest one before parsing, then runs the command.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let unknown = UnknownCommand(arguments: arguments, root: Self.self) {
            StandardOutput.writeError("error: \(unknown.message)\n")
            Self.exit(withError: ExitCode.validationFailure)
        }
        await Self.main(arguments)
    }
}
