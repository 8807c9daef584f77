public import ArgumentParser
import Larder
public import Logging

/// Options every command that works on a repository shares.
struct RepositoryOptions: ParsableArguments {
    @Option(name: .long, help: "The feature repository directory (holds feature_store.yaml).")
    var repo: String = "."

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .warning

    /// Opens the repository, with logs to standard error at the chosen level.
    func openStore() throws -> FeatureStore {
        try FeatureStore(repositoryPath: repo, logger: makeLogger())
    }

    /// Opens the repository and reads its registry, which must have been applied: commands
    /// that read definitions say so rather than answer with empty tables.
    /// - Returns: the store and its registry.
    /// - Throws: ``CLIError`` when nothing was applied yet.
    func openAppliedStore() throws -> (store: FeatureStore, registry: Registry) {
        let store = try openStore()
        guard let registry = try store.registryFile.read() else {
            throw CLIError("nothing applied yet in \(store.repositoryPath): run `larder apply --repo \(repo)` first")
        }
        return (store, registry)
    }

    /// A logger writing to standard error at the chosen level.
    func makeLogger() -> Logger {
        var logger = Logger(label: "larder") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = logLevel
        return logger
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
