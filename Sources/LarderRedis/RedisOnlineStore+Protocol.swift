public import LarderCore
public import LarderStores

/// The Redis store behind the `OnlineStore` protocol: writes and maintenance are in the
/// other extensions; a read is prepared here and run by ``RedisPreparedRead``.
extension RedisOnlineStore: OnlineStore {
    /// Checks a read once and prepares it for every request of the same view and features.
    /// - Parameters:
    ///   - view: the view's current schema.
    ///   - features: the feature names to read, in result order.
    /// - Returns: the prepared read, safe to share between threads.
    /// - Throws: ``OnlineStoreError`` (`unknownFeature`, `invalidSchema`).
    public func prepareRead(view: OnlineViewSchema, features: [String]) throws -> any PreparedOnlineRead {
        RedisPreparedRead(
            store: self, record: try RecordReadPlan(view: view, features: features), head: keyHead(view),
            field: field(view), tag: versionTag(view))
    }
}
