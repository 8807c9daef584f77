import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Answers `POST /get-online-features` in the channel pipeline, on the event loop, as soon as
/// the request's last part arrives; every other request goes on to Hummingbird's router.
///
/// The route's work is a few microseconds; going through Hummingbird's request task (an async
/// sequence of parts, a task resumed per request, the router and the middleware chain) costs
/// several times that. The answer is the router's: the same
/// ``OnlineFeaturesRoute/respond(headers:body:)``, errors mapped by ``APIError/init(mapping:)``,
/// the request accounted by ``ServerState/finishRequest(method:path:status:elapsed:failure:)``,
/// and the headers Hummingbird writes.
///
/// It sits after Hummingbird's connection-state handler, which so sees every request and
/// response (idle timeout, graceful shutdown), and after NIO's pipelining handler, which holds
/// back a connection's next request until the current response has ended, so answers keep
/// their order. Requests with `Connection: close` go to the router, which closes the connection.
/// While the socket cannot take more output (a client that sends without reading), it stops
/// reading, as the router's path does.
final class OnlineFeaturesChannelHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let route: OnlineFeaturesRoute
    private let serverName: String?
    private let clock = ContinuousClock()
    private var dates = HTTPDateCache()

    /// The request being answered here; `nil` while parts go on to the router.
    private var request: HTTPRequest?
    private var started: ContinuousClock.Instant
    private var body: ByteBuffer?
    private var bodyTooLarge = false
    /// A read held back until the channel is writable again.
    private var readPending = false

    /// A handler for one connection.
    /// - Parameters:
    ///   - route: the route that answers.
    ///   - serverName: the `Server` header, as the application writes it.
    init(route: OnlineFeaturesRoute, serverName: String?) {
        self.route = route
        self.serverName = serverName
        started = clock.now
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            guard Self.answersHere(head) else {
                request = nil
                context.fireChannelRead(data)
                return
            }
            request = head
            started = clock.now
            body = nil
            bodyTooLarge = false
        case .body(var chunk):
            guard request != nil else {
                context.fireChannelRead(data)
                return
            }
            guard !bodyTooLarge else { return }
            if (body?.readableBytes ?? 0) + chunk.readableBytes > route.state.settings.maxBodyBytes {
                bodyTooLarge = true
                body = nil
            } else if body == nil {
                body = chunk
            } else {
                body!.writeBuffer(&chunk)
            }
        case .end:
            guard let head = request else {
                context.fireChannelRead(data)
                return
            }
            request = nil
            let complete = bodyTooLarge ? nil : body ?? ByteBuffer()
            body = nil
            respond(to: head, body: complete, context: context)
        }
    }

    func read(context: ChannelHandlerContext) {
        if context.channel.isWritable {
            context.read()
        } else {
            readPending = true
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if readPending, context.channel.isWritable {
            readPending = false
            context.read()
        }
        context.fireChannelWritabilityChanged()
    }

    /// Whether a request is answered here rather than by the router.
    private static func answersHere(_ head: HTTPRequest) -> Bool {
        guard head.method == .post, let target = head.path,
            target.utf8.starts(with: OnlineFeaturesRoute.path.utf8)
        else { return false }
        let rest = target.utf8.dropFirst(OnlineFeaturesRoute.path.utf8.count)
        guard rest.isEmpty || rest.first == UInt8(ascii: "?") else { return false }
        guard let connection = head.headerFields[.connection] else { return true }
        return !connection.lowercased().contains("close")
    }

    private func respond(to head: HTTPRequest, body: ByteBuffer?, context: ChannelHandlerContext) {
        let status: HTTPResponse.Status
        let bytes: [UInt8]
        var failure: APIError?
        do {
            bytes = try route.respond(headers: head.headerFields, body: body)
            status = .ok
        } catch {
            let mapped = APIError(mapping: error)
            failure = mapped
            status = mapped.status
            bytes = mapped.body
        }
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[.contentLength] = String(bytes.count)
        headers[.date] = dates.current()
        if let serverName { headers[.server] = serverName }
        var buffer = context.channel.allocator.buffer(capacity: bytes.count)
        buffer.writeBytes(bytes)
        context.write(wrapOutboundOut(.head(HTTPResponse(status: status, headerFields: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(buffer)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        route.state.finishRequest(
            method: head.method, path: OnlineFeaturesRoute.path, status: status, elapsed: clock.now - started,
            failure: failure)
    }
}
