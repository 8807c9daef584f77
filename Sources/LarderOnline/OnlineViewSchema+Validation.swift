/// Checks that a schema can be stored online.
extension OnlineViewSchema {
    /// Throws when the schema cannot be stored: an empty or unprintable name, a duplicate
    /// column, a join key of a type that cannot be a key, or a negative TTL.
    /// - Throws: ``OnlineStoreError`` of kind `.invalidSchema` naming the view and column.
    public func validate() throws {
        guard !name.isEmpty, !name.utf8.contains(0), name.utf8.count <= 300 else {
            throw OnlineStoreError(.invalidSchema, "feature view name '\(name)' must be 1 to 300 bytes without NUL characters")
        }
        var seen = Set<String>()
        for column in joinKeys + features {
            guard !column.name.isEmpty else {
                throw OnlineStoreError(.invalidSchema, "feature view '\(name)' has a column with an empty name")
            }
            guard seen.insert(column.name).inserted else {
                throw OnlineStoreError(.invalidSchema, "feature view '\(name)' declares column '\(column.name)' twice")
            }
        }
        for key in joinKeys where !EntityKeyCodec.supports(key.type) {
            throw OnlineStoreError(
                .invalidSchema,
                "join key '\(key.name)' of feature view '\(name)' has type \(key.type); online join keys must be one of \(EntityKeyCodec.supportedTypeNames)")
        }
        if let ttl, ttl < .zero {
            throw OnlineStoreError(.invalidSchema, "feature view '\(name)' has a negative TTL (\(ttl))")
        }
    }
}
