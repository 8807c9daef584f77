import LarderStores
/// Growing the LMDB map when a write fills it, and adopting a size another process set.
extension LMDBOnlineStore {
    /// Runs `body` inside the resize gate, resizing and running it again when LMDB asks for it:
    /// after `MDB_MAP_RESIZED` (another process grew the map) and, when `growOnFull` is set,
    /// after `MDB_MAP_FULL` (the body's transaction was aborted; the map is doubled).
    /// - Parameters:
    ///   - growOnFull: whether a full map grows (for writes) or is an error.
    ///   - body: the transaction work; it must start from scratch each time it runs.
    /// - Returns: what `body` returns.
    /// - Throws: ``OnlineStoreError`` of kind `.storeFull` when the map reached
    ///   ``LMDBOnlineStore.Configuration/maximumMapSize``, or what `body` throws.
    func withMapRetries<Result>(growOnFull: Bool, _ body: () throws -> Result) throws -> Result {
        var resizes = 0
        while true {
            do {
                return try gate.withShared(body)
            } catch let error as OnlineStoreError {
                resizes += 1
                switch error.kind {
                case .storage(LMDBResultCode.mapResized.rawValue) where resizes < 100:
                    try adoptMapSize()
                case .storage(LMDBResultCode.mapFull.rawValue) where growOnFull:
                    try growMap()
                default:
                    throw error
                }
            }
        }
    }

    /// Doubles the map (up to the configured maximum) once no transaction is open.
    /// - Throws: ``OnlineStoreError`` of kind `.storeFull` at the maximum.
    private func growMap() throws {
        let (previous, next) = try gate.withExclusive {
            readers.drain()
            let previous = environment.mapSize
            var next = previous.multipliedReportingOverflow(by: 2).overflow ? Int.max : previous * 2
            if let maximum = configuration.maximumMapSize {
                guard previous < maximum else {
                    throw OnlineStoreError(
                        .storeFull,
                        "online store at '\(path)' is full: the map reached its maximum of \(maximum) bytes; raise the maximum map size"
                    )
                }
                next = min(next, maximum)
            }
            try environment.setMapSize(next)
            return (previous, environment.mapSize)
        }
        logger?.notice(
            "online store map grew",
            metadata: ["online_store.path": "\(path)", "map.previous_bytes": "\(previous)", "map.bytes": "\(next)"])
    }

    /// Adopts the map size another process committed.
    /// - Throws: ``OnlineStoreError`` when LMDB refuses.
    private func adoptMapSize() throws {
        try gate.withExclusive {
            readers.drain()
            try environment.setMapSize(0)
        }
    }
}
