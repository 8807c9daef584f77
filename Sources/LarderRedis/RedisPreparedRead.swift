import LarderCore
import LarderStores

/// Reading features: the keys of a request grouped by server, one `HGET` for a single key
/// or one read script call per batch of keys, the servers in parallel.
/// A read planned by a Redis online store.
struct RedisPreparedRead: PreparedOnlineRead {
    let store: RedisOnlineStore
    let record: RecordReadPlan
    /// The prefix and join key names every key starts with.
    let head: [UInt8]
    /// The view's field in the entity hashes.
    let field: [UInt8]
    /// The version bytes a stored value of this schema starts with.
    let tag: [UInt8]

    var view: OnlineViewSchema { record.view }
    var features: [String] { record.features }

    func read(entityColumns: [[Value]], now: Timestamp) throws -> OnlineReadResult {
        let rowCount = try view.checkEntityColumns(entityColumns)
        let keys = try (0..<rowCount).map { row in
            var key = head
            try EntityKeyCodec.appendKey(
                columns: view.joinKeys, view: view.name, count: entityColumns.count, to: &key
            ) { entityColumns[$0][row] }
            return key
        }
        var result = OnlineReadResult(featureNames: features, rowCount: rowCount)
        guard rowCount > 0 else { return result }
        let field = field
        let keysPerCall = store.configuration.keysPerCall
        let parts = try store.run(keys: keys, "reading feature view '\(view.name)'") { indices in
            if indices.count == 1 { return [RedisCommand([Array("HGET".utf8), keys[indices[0]], field])] }
            return stride(from: 0, to: indices.count, by: keysPerCall).map { start in
                let chunk = indices[start..<min(start + keysPerCall, indices.count)]
                return ScriptCatalog.command(.read, [field] + chunk.map { keys[$0] })
            }
        }
        let cutoff = view.freshnessCutoff(at: now)
        for part in parts {
            let values = part.replies.flatMap { $0.elements ?? [$0] }
            for (row, value) in zip(part.indices, values) {
                guard case .bytes(let stored) = value, stored.count > tag.count, stored.starts(with: tag) else {
                    continue
                }
                try stored.withUnsafeBytes { bytes in
                    try record.decode(
                        UnsafeRawBufferPointer(rebasing: bytes[tag.count...]), row: row, cutoff: cutoff,
                        into: &result)
                }
            }
        }
        return result
    }
}
