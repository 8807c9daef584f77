import HTTPTypes
import NIOCore
import NIOHTTP1

/// Answers `POST /get-online-features` straight from a connection's bytes, on the event loop,
/// before the HTTP codec; every other request goes on to Hummingbird.
///
/// A scoring path sends one request shape, over and over, on keep-alive connections. Parsing
/// it through NIO's HTTP decoder, the HTTP types, Hummingbird's connection state and the
/// response encoder costs several times the lookup itself. This handler is first in the
/// pipeline: ``OnlineReadRequestScanner`` recognises that shape in the raw bytes and the
/// answer is written as bytes. The answer is the router's: the same
/// ``OnlineFeaturesRoute/respond(authorization:body:)``, errors mapped by
/// ``APIError/init(mapping:)``, the request accounted by
/// ``ServerState/finishRequest(method:path:status:elapsed:failure:)``, and the status line and
/// headers Hummingbird writes.
///
/// The first request it does not recognise hands the connection over: the unread bytes go on
/// to the HTTP codec, and so does everything after, for the life of the connection. Answers
/// keep their order, since everything answered here was written before. A graceful shutdown
/// closes an idle connection at once, and one with a request partly received once that request
/// is answered. While the socket cannot take more output (a client that sends
/// without reading), it stops reading.
final class OnlineFeaturesChannelHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let route: OnlineFeaturesRoute
    private let serverName: String?
    private let clock = ContinuousClock()
    private var dates = HTTPDateCache()

    /// Bytes received and not yet answered.
    private var unread: ByteBuffer?
    /// Set once the connection is handed over to the HTTP codec.
    private var handedOver = false
    /// Whether answers were written since the last flush.
    private var needsFlush = false
    /// Whether bytes went on to the HTTP codec since the last read completed; the handlers
    /// after this one hear of a read's completion only then.
    private var passedOnSinceReadComplete = false
    /// A read held back until the channel is writable again.
    private var readPending = false
    /// Set when a graceful shutdown begins while a request is partly received: the
    /// connection closes once it is answered.
    private var closesAfterAnswer = false
    /// Set once the last answer is written and the connection is closing.
    private var closed = false

    /// A handler for one connection.
    /// - Parameters:
    ///   - route: the route that answers.
    ///   - serverName: the `Server` header, as the application writes it.
    init(route: OnlineFeaturesRoute, serverName: String?) {
        self.route = route
        self.serverName = serverName
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !closed else { return }
        guard !handedOver else {
            passedOnSinceReadComplete = true
            context.fireChannelRead(data)
            return
        }
        var incoming = unwrapInboundIn(data)
        if unread == nil {
            unread = incoming
        } else {
            unread!.writeBuffer(&incoming)
        }
        answerCompleteRequests(context: context)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if needsFlush {
            needsFlush = false
            context.flush()
        }
        if passedOnSinceReadComplete {
            passedOnSinceReadComplete = false
            context.fireChannelReadComplete()
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is ChannelShouldQuiesceEvent, !handedOver, unread != nil {
            // Hummingbird would close the connection at once: it has not seen the request.
            closesAfterAnswer = true
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func read(context: ChannelHandlerContext) {
        if handedOver || context.channel.isWritable {
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

    /// Answers every whole request at the front of ``unread``; hands the connection over at
    /// the first request the scanner does not recognise.
    private func answerCompleteRequests(context: ChannelHandlerContext) {
        let maxBodyBytes = route.state.settings.maxBodyBytes
        while let available = unread?.readableBytes, available > 0 {
            let scan = unread!.withUnsafeReadableBytes { OnlineReadRequestScanner.scan($0, maxBodyBytes: maxBodyBytes) }
            switch scan {
            case .incomplete:
                unread!.discardReadBytes()
                return
            case .other:
                handOver(context: context)
                return
            case .onlineRead(let head):
                guard available >= head.headLength + head.contentLength else {
                    unread!.discardReadBytes()
                    return
                }
                unread!.moveReaderIndex(forwardBy: head.headLength)
                let body = unread!.readSlice(length: head.contentLength)!
                if unread!.readableBytes == 0 { unread = nil }
                let response = answer(authorization: head.authorization, body: body, context: context)
                guard !closesAfterAnswer else {
                    closeAfterWriting(response, context: context)
                    return
                }
                context.write(wrapOutboundOut(response), promise: nil)
                needsFlush = true
            }
        }
        unread = nil
    }

    /// Passes the unread bytes, and from now on every read, to the HTTP codec.
    private func handOver(context: ChannelHandlerContext) {
        handedOver = true
        if readPending {
            readPending = false
            context.read()
        }
        passedOnSinceReadComplete = true
        if let bytes = unread {
            unread = nil
            context.fireChannelRead(wrapInboundOut(bytes))
        }
        if closesAfterAnswer {
            // The shutdown held back for a partly received request; Hummingbird finishes it.
            closesAfterAnswer = false
            context.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
        }
    }

    /// Writes a last answer, then closes the connection; anything received after it is dropped.
    private func closeAfterWriting(_ response: ByteBuffer, context: ChannelHandlerContext) {
        closed = true
        unread = nil
        needsFlush = false
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(response)).whenComplete { _ in channel.close(promise: nil) }
    }

    /// The whole HTTP response to an online read, accounted for.
    private func answer(authorization: String?, body: ByteBuffer, context: ChannelHandlerContext) -> ByteBuffer {
        let started = clock.now
        let status: HTTPResponse.Status
        let bytes: [UInt8]
        var failure: APIError?
        do {
            bytes = try route.respond(authorization: authorization, body: body)
            status = .ok
        } catch {
            let mapped = APIError(mapping: error)
            failure = mapped
            status = mapped.status
            bytes = mapped.body
        }
        var buffer = context.channel.allocator.buffer(capacity: bytes.count + 160)
        if status == .ok {
            buffer.writeStaticString("HTTP/1.1 200 OK\r\n")
        } else {
            // NIO's phrase for the code, as the full HTTP stack writes it.
            buffer.writeString(
                "HTTP/1.1 \(status.code) \(HTTPResponseStatus(statusCode: status.code).reasonPhrase)\r\n")
        }
        buffer.writeStaticString("Content-Type: application/json\r\nContent-Length: ")
        buffer.writeString(String(bytes.count))
        buffer.writeStaticString("\r\nDate: ")
        buffer.writeString(dates.current())
        if let serverName {
            buffer.writeString("\r\nServer: ")
            buffer.writeString(serverName)
        }
        buffer.writeString("\r\n\r\n")
        buffer.writeBytes(bytes)
        route.state.finishRequest(
            method: .post, path: OnlineFeaturesRoute.path, status: status, elapsed: clock.now - started,
            failure: failure)
        return buffer
    }
}
