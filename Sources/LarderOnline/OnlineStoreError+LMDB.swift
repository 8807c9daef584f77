import LarderStores

extension OnlineStoreError {
    /// An LMDB failure during an operation on the store at a path.
    static func storage(_ code: LMDBResultCode, _ operation: String, path: String) -> OnlineStoreError {
        OnlineStoreError(
            .storage(code.rawValue),
            "online store at '\(path)': \(operation) failed: \(code) (LMDB code \(code.rawValue))")
    }
}
