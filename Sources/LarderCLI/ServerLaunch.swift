import ArgumentParser
import Hummingbird
import Larder
import LarderCore
import LarderServer

/// Starts the HTTP server for `larder serve` (everything) and `larder ui` (the console
/// only): checks the binding, prints where it listens, runs until SIGTERM or SIGINT.
struct ServerLaunch {
    var options: RepositoryOptions
    var host: String
    var port: Int
    var workers: Int?
    var allowUnauthenticated: Bool
    var consoleOnly: Bool

    func run() async throws {
        let store = try options.openStore()
        var configuration = ServerConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.workers = workers
        configuration.allowUnauthenticated = allowUnauthenticated
        configuration.consoleOnly = consoleOnly
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
            consoleOnly ? "serving the console" : "serving features",
            metadata: [
                "server.address": "\(host):\(port)", "repository.path": "\(store.repositoryPath)",
                "auth.enabled": "\(store.configuration.server.tokens != nil)",
            ])
        let application = buildApplication(configuration: configuration, store: store) { [host, consoleOnly] port in
            let listening =
                consoleOnly
                ? "Serving the console (http://\(host):\(port)/ui) for \(what) of \(store.repositoryPath)"
                : "Serving \(what) of \(store.repositoryPath) on http://\(host):\(port)"
            StandardOutput.writeNow(listening + " (Ctrl-C or SIGTERM stops it)\n")
        }
        do {
            try await application.runService()
        } catch  where isAddressInUse(error) {
            throw CLIError("port \(port) on \(host) is in use (another `larder serve`?); choose another with --port")
        }
    }
}
