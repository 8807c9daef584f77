import LarderStores

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which cluster node serves each hash slot, as `CLUSTER SLOTS` reports it.
struct SlotMap: Sendable {
    /// The primary nodes, each once.
    let nodes: [RedisEndpoint]
    /// For each slot, its node's index in ``nodes``, or -1 when no node serves it.
    private let owners: [Int16]

    /// Reads a `CLUSTER SLOTS` reply: per range `[first, last, [host, port, id], replicas...]`.
    /// - Parameters:
    ///   - reply: the reply.
    ///   - asked: the node that answered, whose address stands in for an empty host.
    /// - Throws: ``OnlineStoreError`` when the reply is not a slot list.
    init(clusterSlots reply: RedisReply, asked: RedisEndpoint) throws {
        guard let ranges = reply.elements else {
            throw OnlineStoreError(
                .storage(EPROTO),
                "Redis at \(asked) answered CLUSTER SLOTS with \(reply.errorMessage ?? "no slot list"); is cluster mode enabled on it?"
            )
        }
        var nodes: [RedisEndpoint] = []
        var owners = [Int16](repeating: -1, count: HashSlot.count)
        for range in ranges {
            guard let parts = range.elements, parts.count >= 3, let first = parts[0].integer,
                let last = parts[1].integer, let primary = parts[2].elements, primary.count >= 2,
                let host = primary[0].text, let port = primary[1].integer,
                0 <= first, first <= last, last < HashSlot.count
            else {
                throw OnlineStoreError(
                    .storage(EPROTO), "Redis at \(asked) sent a CLUSTER SLOTS entry that cannot be read")
            }
            let node = RedisEndpoint(host: host.isEmpty ? asked.host : host, port: Int(port))
            let index =
                nodes.firstIndex(of: node)
                ?? {
                    nodes.append(node)
                    return nodes.count - 1
                }()
            for slot in Int(first)...Int(last) { owners[slot] = Int16(index) }
        }
        self.nodes = nodes
        self.owners = owners
    }

    /// The node serving a slot.
    /// - Parameter slot: the slot.
    /// - Returns: the node, or `nil` when the slot is not served.
    func node(forSlot slot: Int) -> RedisEndpoint? {
        let owner = owners[slot]
        return owner < 0 ? nil : nodes[Int(owner)]
    }
}
