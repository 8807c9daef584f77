import LarderStores
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Idle connections to one server, reused across requests: a thread takes one (or opens a
/// new one when none is idle), uses it for one pipeline, and gives it back unless it broke.
/// About one connection per concurrently reading thread is kept. A pooled connection that
/// fails other than by timing out (the server closed it) is replaced once, at once.
final class RedisConnectionPool: Sendable {
    /// The server.
    let endpoint: RedisEndpoint
    private let settings: RedisClientSettings
    /// Runs on every new connection before it is used (loads the store's scripts).
    private let prepare: @Sendable (RedisConnection) throws -> Void
    private let idle = Mutex<[RedisConnection]>([])

    /// Creates an empty pool.
    /// - Parameters:
    ///   - endpoint: the server.
    ///   - settings: timeout, password and how many idle connections to keep.
    ///   - prepare: runs on every new connection before its first use.
    init(
        endpoint: RedisEndpoint, settings: RedisClientSettings,
        prepare: @escaping @Sendable (RedisConnection) throws -> Void
    ) {
        self.endpoint = endpoint
        self.settings = settings
        self.prepare = prepare
    }

    /// Sends commands in one pipeline on an idle or new connection.
    /// - Parameter commands: the commands.
    /// - Returns: one reply per command.
    /// - Throws: ``OnlineStoreError`` of kind `.storage` when the server cannot be reached or
    ///   does not answer within the timeout.
    func send(_ commands: [RedisCommand]) throws -> [RedisReply] {
        if let pooled = idle.withLock({ $0.popLast() }) {
            do {
                return try send(commands, on: pooled)
            } catch  where pooled.isBroken && !pooled.timedOut {
                // An idle connection the server closed (it restarted, or dropped idle
                // clients): say it again on a new one. A timeout is not retried, so a hung
                // server fails the request within one timeout.
            }
        }
        return try send(commands, on: openConnection())
    }

    /// Sends on a connection and gives it back to the pool unless it broke.
    private func send(_ commands: [RedisCommand], on connection: RedisConnection) throws -> [RedisReply] {
        defer {
            if !connection.isBroken {
                idle.withLock { connections in
                    if connections.count < settings.maxIdleConnections { connections.append(connection) }
                }
            }
        }
        return try connection.send(commands)
    }

    /// Drops every idle connection, such as after the server failed.
    func closeIdle() {
        idle.withLock { $0.removeAll() }
    }

    private func openConnection() throws -> RedisConnection {
        let connection = try RedisConnection(endpoint: endpoint, timeout: settings.timeout, password: settings.password)
        try prepare(connection)
        return connection
    }
}
