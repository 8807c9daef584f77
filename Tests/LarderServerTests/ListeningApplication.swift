import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle

/// An application run in a test's own `ServiceGroup` (so the test decides when the graceful
/// shutdown begins), listening on a port the system picks, which it reports once it listens:
/// no port probed in advance that another process could take, no polling until it accepts.
struct ListeningApplication<Base: ApplicationProtocol>: ApplicationProtocol {
    typealias Responder = Base.Responder

    let base: Base
    /// Yields the port once the server listens.
    let listening: AsyncStream<Int>.Continuation

    var responder: Responder {
        get async throws { try await base.responder }
    }
    var server: HTTPServerBuilder { base.server }
    var eventLoopGroup: any EventLoopGroup { base.eventLoopGroup }
    var configuration: ApplicationConfiguration { base.configuration.with(address: .hostname("127.0.0.1", port: 0)) }
    var logger: Logger { base.logger }
    var services: [any Service] { base.services }
    var processesRunBeforeServerStart: [@Sendable () async throws -> Void] { base.processesRunBeforeServerStart }

    @Sendable func onServerRunning(_ channel: any Channel) async {
        await base.onServerRunning(channel)
        if let port = channel.localAddress?.port { listening.yield(port) }
        listening.finish()
    }

    /// Wraps `base`.
    /// - Returns: the application, and the port it listens on, once it does.
    static func wrapping(_ base: Base) -> (ListeningApplication, AsyncStream<Int>) {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        return (ListeningApplication(base: base, listening: continuation), ports)
    }
}
