internal import CHiredis
import LarderStores

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One TCP connection to a Redis server through hiredis, in blocking mode with a timeout on
/// connecting, sending and receiving.
///
/// A connection is used by one thread at a time: ``RedisConnectionPool`` hands it to one
/// caller and takes it back. After any I/O or protocol error it is ``isBroken`` and is thrown
/// away; the next request opens a new one, which is how the store reconnects.
final class RedisConnection: @unchecked Sendable {
    /// The server.
    let endpoint: RedisEndpoint
    /// The timeout of every blocking step.
    let timeout: Duration
    private let context: UnsafeMutablePointer<redisContext>
    /// Whether an error left the connection in an unknown state.
    private(set) var isBroken = false
    /// Whether the error that broke the connection was the timeout running out.
    private(set) var timedOut = false

    /// Connects, then authenticates when a password is given.
    /// - Parameters:
    ///   - endpoint: the server.
    ///   - timeout: the limit for connecting and for each send or receive.
    ///   - password: sent with `AUTH`, or `nil`.
    /// - Throws: ``OnlineStoreError`` of kind `.unavailable` naming the server and the cause.
    init(endpoint: RedisEndpoint, timeout: Duration, password: String?) throws {
        self.endpoint = endpoint
        self.timeout = timeout
        let milliseconds = Int(max(timeout.totalMilliseconds, 1))
        guard let context = larder_redis_connect(endpoint.host, Int32(endpoint.port), milliseconds) else {
            throw OnlineStoreError(.storage(ENOMEM), "cannot allocate a connection to Redis at \(endpoint)")
        }
        self.context = context
        if context.pointee.err != 0 {
            let error = Self.failure(context, endpoint: endpoint, timeout: timeout, doing: "connecting")
            redisFree(context)
            throw error
        }
        guard larder_redis_set_timeout(context, milliseconds) == REDIS_OK else {
            redisFree(context)
            throw OnlineStoreError(.storage(EINVAL), "cannot set the timeout of the connection to Redis at \(endpoint)")
        }
        if let password {
            let reply = try send([RedisCommand(["AUTH", password].map { Array($0.utf8) })])[0]
            if let message = reply.errorMessage {
                throw OnlineStoreError(.storage(EACCES), "Redis at \(endpoint) refused the password: \(message)")
            }
        }
    }

    deinit {
        redisFree(context)
    }

    /// Sends commands in one pipeline and reads their replies.
    /// - Parameter commands: the commands, sent back to back before any reply is read.
    /// - Returns: one reply per command, in order; server errors are `.error` replies.
    /// - Throws: ``OnlineStoreError`` of kind `.unavailable` when the connection fails or no
    ///   reply comes within the timeout; the connection is then broken.
    func send(_ commands: [RedisCommand]) throws -> [RedisReply] {
        for command in commands {
            try append(command)
        }
        var replies: [RedisReply] = []
        replies.reserveCapacity(commands.count)
        for _ in commands {
            var raw: UnsafeMutableRawPointer?
            guard redisGetReply(context, &raw) == REDIS_OK, let raw else {
                throw broken(doing: "waiting for a reply")
            }
            let reply = raw.assumingMemoryBound(to: redisReply.self)
            replies.append(Self.convert(reply))
            freeReplyObject(raw)
        }
        return replies
    }

    /// Puts one command in the output buffer.
    private func append(_ command: RedisCommand) throws {
        var joined: [UInt8] = []
        joined.reserveCapacity(command.arguments.reduce(0) { $0 + $1.count })
        var lengths: [Int] = []
        lengths.reserveCapacity(command.arguments.count)
        for argument in command.arguments {
            joined.append(contentsOf: argument)
            lengths.append(argument.count)
        }
        let status = joined.withUnsafeBufferPointer { bytes in
            var offset = 0
            let base = UnsafeRawPointer(bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!)
            var pointers: [UnsafePointer<CChar>?] = lengths.map { length in
                defer { offset += length }
                return (base + offset).assumingMemoryBound(to: CChar.self)
            }
            return redisAppendCommandArgv(context, Int32(lengths.count), &pointers, lengths)
        }
        guard status == REDIS_OK else {
            throw broken(doing: "sending \(command.name)")
        }
    }

    /// Marks the connection broken and returns the error of the failed step.
    private func broken(doing step: String) -> OnlineStoreError {
        isBroken = true
        let error = Self.failure(context, endpoint: endpoint, timeout: timeout, doing: step)
        timedOut = error.message.hasPrefix("Redis at \(endpoint) did not answer within")
        return error
    }

    /// Copies a hiredis reply into a ``RedisReply``.
    private static func convert(_ reply: UnsafeMutablePointer<redisReply>) -> RedisReply {
        let value = reply.pointee
        func bytes() -> [UInt8] {
            guard let text = value.str else { return [] }
            return Array(UnsafeRawBufferPointer(start: text, count: value.len))
        }
        switch value.type {
        case REDIS_REPLY_STRING: return .bytes(bytes())
        case REDIS_REPLY_STATUS: return .status(String(decoding: bytes(), as: UTF8.self))
        case REDIS_REPLY_ERROR: return .error(String(decoding: bytes(), as: UTF8.self))
        case REDIS_REPLY_INTEGER: return .integer(value.integer)
        case REDIS_REPLY_ARRAY:
            guard let elements = value.element else { return .array([]) }
            return .array((0..<value.elements).map { elements[$0].map(convert) ?? .null })
        default: return .null
        }
    }

    /// The error of a failed step, with hiredis' message, or a timeout message.
    private static func failure(
        _ context: UnsafeMutablePointer<redisContext>, endpoint: RedisEndpoint, timeout: Duration, doing step: String
    ) -> OnlineStoreError {
        let message = withUnsafeBytes(of: context.pointee.errstr) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        let code = context.pointee.err
        let timedOut = code == REDIS_ERR_IO && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINPROGRESS)
        if timedOut || message.contains("timed out") || message.contains("temporarily unavailable") {
            return OnlineStoreError(
                .unavailable,
                "Redis at \(endpoint) did not answer within \(timeout) while \(step); check that the server is up and reachable"
            )
        }
        return OnlineStoreError(.unavailable, "Redis at \(endpoint) failed while \(step): \(message)")
    }
}

extension Duration {
    /// The duration in whole milliseconds.
    var totalMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
