import ArgumentParser

/// `larder ui`: the web console alone, for browsing a repository's definitions, freshness
/// and online values without serving features to clients.
struct UI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui",
        abstract: "Serve the web console of a repository (definitions, freshness, lookups).",
        discussion: """
            Pages at /ui: the overview with the freshness of each view, searchable lists and \
            pages of entities, sources, feature views and services with their lineage, and a \
            lookup form that reads online features. The JSON behind them is at /api/v1. \
            `larder serve` serves the same console beside the feature server; `larder ui` \
            serves only the console and /health.

            With tokens in feature_store.yaml, the console asks for one with the read_online \
            permission and keeps it in a cookie.

            Examples:
              larder ui --repo feature_repo
              larder ui --repo feature_repo --port 8080
            """)

    @OptionGroup var options: RepositoryOptions

    @Option(name: .long, help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The TCP port to listen on.")
    var port = 6567

    @Flag(name: .long, help: "Allow serving without authentication on a non-loopback address.")
    var allowUnauthenticated = false

    func validate() throws {
        guard (0...65_535).contains(port) else {
            throw ValidationError("--port must be between 0 and 65535, got \(port)")
        }
    }

    func run() async throws {
        try await ServerLaunch(
            options: options, host: host, port: port, workers: 1, allowUnauthenticated: allowUnauthenticated,
            consoleOnly: true
        ).run()
    }
}
