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
            /materialize-incremental; GET /health, /metrics (Prometheus). The registry is \
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
        let store = try options.openStore()
        var configuration = ServerConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.workers = workers
        configuration.allowUnauthenticated = allowUnauthenticated
        do {
            try configuration.checkBinding(store.configuration.server)
        } catch let error as ServerConfigurationError {
            throw ValidationError(error.message)
        }
        let registry = try store.registryFile.read()
        let manifest = registry?.manifest ?? Manifest()
        let what =
            registry == nil
            ? "nothing applied yet (run `larder apply`; the server picks it up)"
            : "\(count(manifest.featureViews.count, "feature view")) and \(count(manifest.featureServices.count, "feature service"))"
        store.logger.notice(
            "serving features",
            metadata: [
                "server.address": "\(host):\(port)", "repository.path": "\(store.repositoryPath)",
                "auth.enabled": "\(store.configuration.server.tokens != nil)",
            ])
        let application = buildApplication(configuration: configuration, store: store) { [host] port in
            StandardOutput.writeNow(
                "Serving \(what) of \(store.repositoryPath) on http://\(host):\(port) (Ctrl-C or SIGTERM stops it)\n")
        }
        do {
            try await application.runService()
        } catch  where isAddressInUse(error) {
            throw CLIError("port \(port) on \(host) is in use (another `larder serve`?); choose another with --port")
        }
    }
}

/// `1 feature view`, `2 feature views`.
private func count(_ number: Int, _ noun: String) -> String {
    "\(number) \(noun)\(number == 1 ? "" : "s")"
}
