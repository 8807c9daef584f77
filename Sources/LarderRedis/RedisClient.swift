import Dispatch
import LarderStores
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A blocking Redis client for a standalone server or a cluster: connection pools per
/// server, pipelines, and, for a cluster, routing by hash slot with redirections followed.
///
/// With a cluster, the slot map is loaded from the first seed node that answers
/// `CLUSTER SLOTS`, and loaded again whenever a server answers `MOVED`. Work on keys of
/// several servers runs on those servers in parallel.
final class RedisClient: Sendable {
    /// The configured servers: the one standalone server, or a cluster's seed nodes.
    let seeds: [RedisEndpoint]
    /// Whether the servers form a cluster.
    let isCluster: Bool
    private let settings: RedisClientSettings
    private let prepare: @Sendable (RedisConnection) throws -> Void
    private let pools = Mutex<[RedisEndpoint: RedisConnectionPool]>([:])
    private let slotMap = Mutex<SlotMap?>(nil)
    /// Cluster nodes whose connection failed since the slot map was last loaded: the next
    /// request loads it again from the other nodes, which learn of a failover first.
    private let failedNodes = Mutex<Set<RedisEndpoint>>([])

    /// How often a request is redone after a redirection before it fails.
    static let maxRedirections = 5

    /// Creates a client; nothing connects until the first request. `SIGPIPE` is ignored from
    /// then on, so a connection the server closed fails with an error.
    /// - Parameters:
    ///   - seeds: the standalone server, or one or more cluster nodes.
    ///   - isCluster: whether the servers form a cluster.
    ///   - settings: timeout, password and pool size.
    ///   - prepare: runs on every new connection before its first use.
    init(
        seeds: [RedisEndpoint], isCluster: Bool, settings: RedisClientSettings,
        prepare: @escaping @Sendable (RedisConnection) throws -> Void
    ) {
        self.seeds = seeds
        self.isCluster = isCluster
        self.settings = settings
        self.prepare = prepare
        // A write to a connection the server has closed must fail with EPIPE, not end the
        // process with SIGPIPE (hiredis writes with plain write(2)).
        signal(SIGPIPE, SIG_IGN)
    }

    /// Sends commands in one pipeline to one server.
    /// - Parameters:
    ///   - commands: the commands.
    ///   - endpoint: the server.
    /// - Returns: one reply per command.
    /// - Throws: ``OnlineStoreError`` of kind `.storage` when the server cannot be reached or
    ///   does not answer within the timeout.
    func send(_ commands: [RedisCommand], to endpoint: RedisEndpoint) throws -> [RedisReply] {
        let pool = pools.withLock { pools in
            if let pool = pools[endpoint] { return pool }
            let pool = RedisConnectionPool(endpoint: endpoint, settings: settings, prepare: prepare)
            pools[endpoint] = pool
            return pool
        }
        do {
            return try pool.send(commands)
        } catch {
            if isCluster { failedNodes.withLock { _ = $0.insert(endpoint) } }
            throw error
        }
    }

    /// The servers that hold data: the standalone server, or every cluster primary.
    /// - Returns: the servers.
    /// - Throws: ``OnlineStoreError`` when the cluster's slot map cannot be loaded.
    func primaries() throws -> [RedisEndpoint] {
        guard isCluster else { return [seeds[0]] }
        return try currentSlotMap().nodes
    }

    /// Loads the cluster's slot map again from any node that answers.
    /// - Parameter failed: nodes not to ask (their connection just failed).
    /// - Throws: ``OnlineStoreError`` naming every node tried when none answers.
    func refreshSlotMap(excluding failed: Set<RedisEndpoint> = []) throws {
        let known = slotMap.withLock { $0?.nodes } ?? []
        var failures: [String] = []
        for node in known + seeds.filter({ !known.contains($0) }) where !failed.contains(node) {
            do {
                let reply = try send([RedisCommand("CLUSTER", "SLOTS")], to: node)[0]
                let map = try SlotMap(clusterSlots: reply, asked: node)
                slotMap.withLock { $0 = map }
                return
            } catch let error as OnlineStoreError {
                failures.append(error.message)
            }
        }
        throw OnlineStoreError(
            .unavailable, "no Redis Cluster node answered CLUSTER SLOTS: \(failures.joined(separator: "; "))")
    }

    private func currentSlotMap() throws -> SlotMap {
        let failed = failedNodes.withLock { failed in
            defer { failed.removeAll() }
            return failed
        }
        if !failed.isEmpty {
            // A failover may have moved the failed nodes' slots; when no other node answers,
            // the old map stays.
            try? refreshSlotMap(excluding: failed)
        }
        if let map = slotMap.withLock({ $0 }) { return map }
        try refreshSlotMap()
        return try slotMap.withLock { map in
            guard let map else { throw OnlineStoreError(.unavailable, "the Redis Cluster slot map is empty") }
            return map
        }
    }

    /// The server holding a hash slot, per the current slot map.
    /// - Parameter slot: the slot.
    /// - Returns: the standalone server, or the cluster node serving the slot.
    /// - Throws: ``OnlineStoreError`` when the slot map cannot be loaded or no node serves it.
    func endpoint(forSlot slot: Int) throws -> RedisEndpoint {
        try partition([slot], [0])[0].0
    }

    /// Groups items by the server that holds their keys.
    /// - Parameters:
    ///   - slots: the hash slot of each item's key.
    ///   - indices: the items to group.
    /// - Returns: per server, the positions of its items, in the given order.
    /// - Throws: ``OnlineStoreError`` when a slot is served by no node.
    private func partition(_ slots: [Int], _ indices: [Int]) throws -> [(RedisEndpoint, [Int])] {
        guard isCluster else { return [(seeds[0], indices)] }
        let map = try currentSlotMap()
        var groups: [RedisEndpoint: [Int]] = [:]
        for index in indices {
            guard let node = map.node(forSlot: slots[index]) else {
                throw OnlineStoreError(
                    .unavailable,
                    "no Redis Cluster node serves hash slot \(slots[index]) (is the cluster down?)")
            }
            groups[node, default: []].append(index)
        }
        return groups.map { ($0.key, $0.value) }.sorted { $0.0.description < $1.0.description }
    }

    /// One server's part of a request: the server, the items' positions, and whether each
    /// command must be preceded by `ASKING` (the part follows an `ASK` redirection).
    struct Part: Sendable {
        /// The server.
        var endpoint: RedisEndpoint
        /// The items' positions.
        var indices: [Int]
        /// Whether the commands go to a slot being imported, after `ASK`.
        var asking: Bool
    }

    /// Runs work on every server that holds some of the keys, in parallel, and redoes a
    /// server's part after a redirection: at once on the named node after `ASK` (a slot
    /// being migrated), after reloading the slot map for `MOVED`, after a short wait for
    /// `TRYAGAIN` and `CLUSTERDOWN`.
    /// - Parameters:
    ///   - slots: the hash slot of each item's key (ignored by a standalone server).
    ///   - work: sends the commands for a part to its server and returns the replies.
    /// - Returns: per part, the items' positions and the replies.
    /// - Throws: the first error of any server, after every server's part has ended.
    func perServer(
        slots: [Int], _ work: @Sendable (Part) throws -> [RedisReply]
    ) throws -> [(indices: [Int], replies: [RedisReply])] {
        guard !slots.isEmpty else { return [] }
        var finished: [(indices: [Int], replies: [RedisReply])] = []
        var pending = Array(slots.indices)
        for attempt in 0...Self.maxRedirections {
            var parts = try partition(slots, pending).map { Part(endpoint: $0.0, indices: $0.1, asking: false) }
            pending = []
            var redirection: String?
            while !parts.isEmpty {
                var asked: [Part] = []
                for (part, replies) in zip(parts, try runInParallel(parts, work)) {
                    guard let redirect = Self.redirection(in: replies) else {
                        finished.append((part.indices, replies))
                        continue
                    }
                    if !part.asking, let target = Self.askTarget(redirect) {
                        asked.append(Part(endpoint: target, indices: part.indices, asking: true))
                    } else {
                        redirection = redirect
                        pending += part.indices
                    }
                }
                parts = asked
            }
            guard let redirection else { return finished }
            if attempt == Self.maxRedirections {
                throw OnlineStoreError(
                    .unavailable,
                    "Redis Cluster kept redirecting after \(Self.maxRedirections) attempts (last: \(redirection))")
            }
            if redirection.hasPrefix("MOVED") {
                try refreshSlotMap()
            } else {
                // TRYAGAIN, CLUSTERDOWN, a script's non-local key, or ASK for a part whose
                // keys span several slots: a slot is moving or a failover runs; wait a moment.
                usleep(UInt32(20_000 << attempt))
                if !redirection.hasPrefix("TRYAGAIN") { try refreshSlotMap() }
            }
        }
        return finished
    }

    /// The node an `ASK <slot> <host>:<port>` redirection names.
    private static func askTarget(_ redirection: String) -> RedisEndpoint? {
        guard redirection.hasPrefix("ASK "), let address = redirection.split(separator: " ").last,
            let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...])
        else { return nil }
        return RedisEndpoint(host: String(address[..<colon]), port: port)
    }

    /// Runs each group's work, the groups in parallel when there are several.
    private func runInParallel(
        _ groups: [Part], _ work: @Sendable (Part) throws -> [RedisReply]
    ) throws -> [[RedisReply]] {
        if groups.count == 1 { return [try work(groups[0])] }
        let outcomes = Mutex<[Result<[RedisReply], OnlineStoreError>?]>(Array(repeating: nil, count: groups.count))
        DispatchQueue.concurrentPerform(iterations: groups.count) { index in
            let outcome: Result<[RedisReply], OnlineStoreError>
            do {
                outcome = .success(try work(groups[index]))
            } catch let error as OnlineStoreError {
                outcome = .failure(error)
            } catch {
                outcome = .failure(OnlineStoreError(.storage(EIO), "\(error)"))
            }
            outcomes.withLock { $0[index] = outcome }
        }
        return try outcomes.withLock { $0 }.map { try $0!.get() }
    }

    /// The first redirection error among replies (and the replies of a transaction).
    /// - Parameter replies: the replies.
    /// - Returns: the error text, or `nil` when nothing was redirected.
    static func redirection(in replies: [RedisReply]) -> String? {
        for reply in replies {
            if let message = reply.errorMessage {
                if message.hasPrefix("MOVED ") || message.hasPrefix("ASK ") || message.hasPrefix("TRYAGAIN")
                    || message.hasPrefix("CLUSTERDOWN")
                {
                    return message
                }
                // A script touched a key this node does not hold: its slot moved, or is
                // being migrated (then waiting lets the migration end).
                if message.contains("non local key") { return "NONLOCAL (\(message))" }
            }
            if let elements = reply.elements, let nested = redirection(in: elements) { return nested }
        }
        return nil
    }
}
