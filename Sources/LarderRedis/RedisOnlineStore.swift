public import LarderStores
public import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An online store in Redis, standalone or Cluster: one hash per entity key, one field per
/// view, holding the view's schema version and the row in the same encoding as LMDB.
///
/// Newer-wins holds under concurrent writers because a server-side script compares the
/// stored row's event and created times before it writes. A write runs in one `MULTI`/`EXEC`
/// per server, and a read of several keys in one script call per server, so on a standalone
/// server readers see a write whole or not at all; a cluster gives that per node.
/// `docs/online-store.md` describes the layout.
public final class RedisOnlineStore: Sendable {
    /// The settings the store was opened with.
    public let configuration: Configuration
    let client: RedisClient
    let logger: Logger?
    /// ``Configuration/keyPrefix`` as bytes.
    let prefix: [UInt8]

    /// The longest entity key accepted, in bytes.
    static let maxKeySize = 65_536

    /// Opens a store; nothing connects until the first request, so a server that is down
    /// fails requests (each within the timeout), not the opening.
    /// - Parameters:
    ///   - configuration: where the servers are and how to reach them.
    ///   - logger: receives a line per write, or `nil`.
    /// - Throws: ``OnlineStoreError`` when the connection string cannot be read.
    public init(configuration: Configuration = .init(), logger: Logger? = nil) throws {
        let seeds = try RedisEndpoint.parseList(configuration.connectionString)
        if !configuration.cluster, seeds.count > 1 {
            throw OnlineStoreError(
                .storage(EINVAL),
                "the Redis connection_string names \(seeds.count) servers; several seed nodes need cluster: true")
        }
        guard configuration.keysPerCall > 0, configuration.timeout > .zero else {
            throw OnlineStoreError(.storage(EINVAL), "the Redis timeout and keys per call must be positive")
        }
        self.configuration = configuration
        self.logger = logger
        prefix = Array(configuration.keyPrefix.utf8)
        client = RedisClient(
            seeds: seeds, isCluster: configuration.cluster,
            settings: RedisClientSettings(
                timeout: configuration.timeout, password: configuration.password,
                maxIdleConnections: configuration.maxIdleConnections),
            prepare: { try ScriptCatalog.load(on: $0) })
    }

    /// The start of every key of a view's entities: the prefix, then each join key's name
    /// (LEB128 length and UTF-8 bytes), so views with the same join keys share hashes.
    /// - Parameter view: the view.
    /// - Returns: the bytes the encoded entity key follows.
    func keyHead(_ view: OnlineViewSchema) -> [UInt8] {
        var head = prefix
        for key in view.joinKeys { head.appendLengthPrefixed(key.name) }
        return head
    }

    /// The field of a view in an entity hash: the view name.
    func field(_ view: OnlineViewSchema) -> [UInt8] { Array(view.name.utf8) }

    /// The first 8 bytes of every value stored for a schema: its version, little-endian.
    func versionTag(_ view: OnlineViewSchema) -> [UInt8] { Self.versionTag(view.version) }

    /// A version as the 8 bytes that start a stored value.
    static func versionTag(_ version: UInt64) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.appendLittleEndian(version)
        return bytes
    }

    /// The hash slot of each key, or zeros for a standalone server (which has no slots).
    func slots(_ keys: [[UInt8]]) -> [Int] {
        client.isCluster ? keys.map(HashSlot.of) : Array(repeating: 0, count: keys.count)
    }

    /// Throws when a reply is a server error.
    /// - Parameters:
    ///   - reply: the reply.
    ///   - endpoint: the server that sent it.
    ///   - step: what was done, for the message.
    /// - Returns: the reply.
    /// - Throws: ``OnlineStoreError`` of kind `.storage(EIO)` with the server's message.
    @discardableResult
    func checked(_ reply: RedisReply, from endpoint: RedisEndpoint, _ step: String) throws -> RedisReply {
        if let message = reply.errorMessage {
            throw OnlineStoreError(.storage(EIO), "Redis at \(endpoint) refused \(step): \(message)")
        }
        return reply
    }

    /// The replies of a `MULTI`, commands..., `EXEC` pipeline: `EXEC`'s array.
    func transactionReplies(
        _ replies: [RedisReply], from endpoint: RedisEndpoint, _ step: String
    ) throws
        -> [RedisReply]
    {
        for reply in replies.dropLast() { try checked(reply, from: endpoint, step) }
        guard let results = try checked(replies[replies.count - 1], from: endpoint, step).elements else {
            throw OnlineStoreError(.storage(EIO), "Redis at \(endpoint) discarded the transaction of \(step)")
        }
        for reply in results { try checked(reply, from: endpoint, step) }
        return results
    }

    /// Commands wrapped in `MULTI` and `EXEC` when there are several, so they apply at once.
    static func atomically(_ commands: [RedisCommand]) -> [RedisCommand] {
        commands.count > 1 ? [RedisCommand("MULTI")] + commands + [RedisCommand("EXEC")] : commands
    }
}

extension RedisOnlineStore {
    /// Runs commands for groups of keys on the servers holding them, each server's commands
    /// in one pipeline (atomically when there are several), and returns each command's reply.
    /// - Parameters:
    ///   - keys: the keys, whose slots route the work.
    ///   - step: what is done, for messages.
    ///   - commands: the commands for the keys at some positions (all on one server).
    /// - Returns: per server part: the positions and the reply of each of its commands.
    /// - Throws: ``OnlineStoreError`` naming the server that failed or refused.
    func run(
        keys: [[UInt8]], _ step: String, commands: @Sendable ([Int]) -> [RedisCommand]
    ) throws -> [(indices: [Int], replies: [RedisReply])] {
        let client = client
        return try client.perServer(slots: slots(keys)) { part in
            let batch = commands(part.indices)
            let endpoint = part.endpoint
            if part.asking {
                // After ASK, each command goes to the importing node behind its own ASKING.
                let raw = try client.send(batch.flatMap { [RedisCommand("ASKING"), $0] }, to: endpoint)
                let replies = stride(from: 1, to: raw.count, by: 2).map { raw[$0] }
                if RedisClient.redirection(in: replies) != nil { return replies }
                return try replies.map { try checked($0, from: endpoint, step) }
            }
            let raw = try client.send(Self.atomically(batch), to: endpoint)
            // A redirection goes back to the client, which redoes this part where it now belongs.
            if RedisClient.redirection(in: raw) != nil { return raw }
            return batch.count > 1
                ? try transactionReplies(raw, from: endpoint, step)
                : try raw.map { try checked($0, from: endpoint, step) }
        }
    }
}
