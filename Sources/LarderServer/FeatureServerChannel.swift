import HummingbirdCore
import Logging
import NIOCore

/// Hummingbird's HTTP/1.1 channel with ``OnlineFeaturesChannelHandler`` first in its
/// pipeline, so online reads are answered from the connection's bytes on the event loop.
struct FeatureServerChannel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    /// Hummingbird's channel, which answers every other request through the router.
    let base: HTTP1Channel
    /// The route the pipeline answers; `nil` when the server does not serve online reads
    /// (`larder ui`), which leaves Hummingbird's channel as it is.
    let route: OnlineFeaturesRoute?
    /// The `Server` header.
    let serverName: String?

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        base.setup(channel: channel, logger: logger).flatMapThrowing { value in
            guard let route else { return value }
            try channel.pipeline.syncOperations.addHandler(
                OnlineFeaturesChannelHandler(route: route, serverName: serverName), position: .first)
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// HTTP/1.1 with online reads answered in the channel pipeline.
    /// - Parameters:
    ///   - route: the online read route; `nil` for plain HTTP/1.1.
    ///   - serverName: the `Server` header, as the application writes it.
    static func featureServer(route: OnlineFeaturesRoute?, serverName: String?) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in
            FeatureServerChannel(base: HTTP1Channel(responder: responder), route: route, serverName: serverName)
        }
    }
}
