public import LarderStores

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Inspecting and removing what is stored per view: `SCAN` over the store's keys on every
/// server, with a script call per batch of keys found.
///
/// These walk every key of the prefix, so they cost time in proportion to the keys stored;
/// they run on `apply`, `teardown` and when listing views, never on a read.
extension RedisOnlineStore {
    /// What is stored for a view, compared with its current schema.
    /// - Parameter view: the view's current schema.
    /// - Returns: `.empty`, `.materialized` (rows of this schema) or `.schemaChanged` (rows
    ///   only of another schema, which must be materialized again).
    /// - Throws: ``OnlineStoreError`` naming the server that failed.
    public func state(of view: OnlineViewSchema) throws -> OnlineViewState {
        var counts: [[UInt8]: Int] = [:]
        let field = field(view)
        try forEachKeyBatch("counting the keys of feature view '\(view.name)'") { keys in
            ScriptCatalog.command(.versions, [field] + keys)
        } collect: { reply in
            for version in reply.elements ?? [] {
                if let bytes = version.byteString { counts[bytes, default: 0] += 1 }
            }
        }
        if let current = counts[versionTag(view)] { return .materialized(keys: current) }
        guard let (tag, keys) = counts.max(by: { $0.value < $1.value }) else { return .empty }
        let version = tag.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return .schemaChanged(storedVersion: version, keys: keys)
    }

    /// Removes every stored row of a view, under every schema version.
    /// - Parameter view: the view name.
    /// - Throws: ``OnlineStoreError`` naming the server that failed.
    public func drop(view: String) throws {
        let field = Array(view.utf8)
        try forEachKeyBatch("dropping feature view '\(view)'") { keys in
            ScriptCatalog.command(.dropField, [field] + keys)
        } collect: { _ in
        }
    }

    /// Removes the rows of every view not listed, or stored under another schema version
    /// than the listed one.
    /// - Parameter views: the views to keep, with their current schemas.
    /// - Returns: the names of the views whose rows were removed, sorted.
    /// - Throws: ``OnlineStoreError`` naming the server that failed.
    @discardableResult
    public func prune(keeping views: [OnlineViewSchema]) throws -> [String] {
        var kept: [String: OnlineViewSchema] = [:]
        for view in views where kept[view.name] == nil { kept[view.name] = view }
        let names = kept.keys.sorted()
        let header: [[UInt8]] =
            [Array(String(names.count).utf8)] + names.map { Array($0.utf8) } + names.map { versionTag(kept[$0]!) }
        var removed = Set<String>()
        try forEachKeyBatch("removing rows of deleted or changed feature views") { keys in
            ScriptCatalog.command(.prune, header + keys)
        } collect: { reply in
            for name in reply.elements ?? [] { if let text = name.text { removed.insert(text) } }
        }
        return removed.sorted()
    }

    /// Removes every stored row of every view (every key under the prefix).
    /// - Throws: ``OnlineStoreError`` naming the server that failed.
    public func clear() throws {
        try forEachKeyBatch("clearing the online store") { keys in
            ScriptCatalog.command(.delete, keys)
        } collect: { _ in
        }
    }

    /// Scans the keys under the prefix on every server and runs a script call per batch.
    /// - Parameters:
    ///   - step: what is done, for messages.
    ///   - command: the script call for a batch of keys (all on one server).
    ///   - collect: receives each call's reply.
    private func forEachKeyBatch(
        _ step: String, command: ([[UInt8]]) -> RedisCommand, collect: (RedisReply) -> Void
    ) throws {
        let pattern = Array(Self.globEscaped(configuration.keyPrefix).utf8) + [UInt8(ascii: "*")]
        for server in try client.primaries() {
            var cursor: [UInt8] = [UInt8(ascii: "0")]
            repeat {
                let scan = try checked(
                    client.send(
                        [
                            RedisCommand([
                                Array("SCAN".utf8), cursor, Array("MATCH".utf8), pattern, Array("COUNT".utf8),
                                Array("1000".utf8),
                            ])
                        ],
                        to: server)[0], from: server, step)
                guard let parts = scan.elements, parts.count == 2, let next = parts[0].byteString,
                    let found = parts[1].elements
                else {
                    throw OnlineStoreError(.storage(EIO), "Redis at \(server) sent a SCAN reply that cannot be read")
                }
                cursor = next
                let keys = found.compactMap(\.byteString)
                if !keys.isEmpty {
                    collect(try checked(client.send([command(keys)], to: server)[0], from: server, step))
                }
            } while cursor != [UInt8(ascii: "0")]
        }
    }

    /// A prefix with the glob characters of `SCAN MATCH` escaped.
    private static func globEscaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "*?[]\\".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
