public import Hummingbird
public import Larder
import Logging
import NIOPosix
import ServiceLifecycle

/// Builds the feature server for a repository: every route (the web console's at `/ui` and
/// `/api/v1` included), the request middleware and the service that closes the stores after
/// a graceful shutdown. The CLI (`larder serve`) and the
/// tests use this one function.
///
/// Run it with `runService()`: SIGTERM and SIGINT stop accepting connections, let in-flight
/// requests finish, then close the stores.
/// - Parameters:
///   - configuration: where to listen and how many event loop threads to use.
///   - store: the opened repository; its `server:` settings give the tokens and limits.
///   - onListening: called once the server listens, with the port it listens on (the one
///     chosen by the system when the configuration asks for port 0).
/// - Returns: the application.
public func buildApplication(
    configuration: ServerConfiguration, store: FeatureStore,
    onListening: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let state = ServerState(store: store, metrics: ServerMetrics())
    let router = Router(context: BasicRequestContext.self)
    router.add(middleware: RequestMiddleware(state: state))
    let onlineFeatures = OnlineFeaturesRoute(state: state)
    if !configuration.consoleOnly {
        onlineFeatures.register(on: router)
        WriteRoutes(state: state).register(on: router)
        MaterializeRoutes(state: state).register(on: router)
    }
    OperationalRoutes(state: state, includesMetrics: !configuration.consoleOnly).register(on: router)
    ConsoleRoutes(state: state, onlineFeatures: onlineFeatures).register(on: router)
    let serverName = "larder"
    let eventLoops: EventLoopGroupProvider =
        configuration.workers.map { .shared(MultiThreadedEventLoopGroup(numberOfThreads: $0)) } ?? .singleton
    return Application(
        router: router,
        server: .featureServer(route: configuration.consoleOnly ? nil : onlineFeatures, serverName: serverName),
        configuration: ApplicationConfiguration(
            address: .hostname(configuration.host, port: configuration.port), serverName: serverName),
        // The services stop in reverse order: the log is flushed before the stores close.
        services: [StoreCloser(store: store)]
            + (state.featureLog.map { [FeatureLogWriter(queue: $0, store: store)] } ?? []),
        onServerRunning: { channel in await onListening(channel.localAddress?.port ?? configuration.port) },
        eventLoopGroupProvider: eventLoops,
        logger: store.logger)
}

/// Waits for the graceful shutdown, which the server finishes first (its in-flight requests
/// included), then closes the stores.
struct StoreCloser: Service {
    let store: FeatureStore

    func run() async throws {
        try? await gracefulShutdown()
        store.closeStores()
        store.logger.info("feature server stopped; stores closed")
    }
}
