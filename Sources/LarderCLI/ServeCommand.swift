import ArgumentParser
import Hummingbird
import Larder
import LarderCore
import LarderServer

/// `larder serve`: the Feast-compatible HTTP feature server.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve features over HTTP (Feast-compatible JSON).",
        discussion: """
            Endpoints: POST /get-online-features, /push, /write-to-online-store, /materialize, \
            /materialize-incremental; GET /health, /metrics (Prometheus); the web console at \
            /ui and its JSON API at /api/v1 (see `larder ui`). The registry is \
            re-read when `larder apply` changes it, without a restart. SIGTERM or SIGINT stops \
            accepting connections, finishes in-flight requests and closes the stores.

            Tokens, body and entity-row limits come from the `server:` section of \
            feature_store.yaml. Without tokens the server binds only loopback addresses, \
            unless --allow-unauthenticated is given.

            Examples:
              larder serve --repo feature_repo
              larder serve --repo feature_repo --port 8080 --workers 2
              larder serve --repo feature_repo --host 0.0.0.0  # needs auth tokens
              body='{"feature_service": "fraud_detection_v1",'
              body+=' "entities": {"user_id": [1], "merchant_id": [3]}}'
              curl -s localhost:6566/get-online-features -d "$body"
            """)

    @OptionGroup var options: RepositoryOptions

    @Option(name: .long, help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The TCP port to listen on.")
    var port = 6566

    @Option(name: .long, help: "Event loop threads (default: one per core).")
    var workers: Int?

    @Flag(name: .long, help: "Allow serving without authentication on a non-loopback address.")
    var allowUnauthenticated = false

    func validate() throws {
        guard (0...65_535).contains(port) else {
            throw ValidationError("--port must be between 0 and 65535, got \(port)")
        }
        if let workers, workers < 1 { throw ValidationError("--workers must be at least 1, got \(workers)") }
    }

    func run() async throws {
        try await ServerLaunch(
            options: options, host: host, port: port, workers: workers, allowUnauthenticated: allowUnauthenticated,
            consoleOnly: false
        ).run()
    }
}

/// `1 feature view`, `2 feature views`.
func count(_ number: Int, _ noun: String) -> String {
    "\(number) \(noun)\(number == 1 ? "" : "s")"
}
