public import LarderCore

/// Checks that a schema can be stored online.
extension OnlineViewSchema {
    /// Throws when the schema cannot be stored: an empty or unprintable name, a duplicate
    /// column, a join key of a type that cannot be a key, or a negative TTL.
    /// - Throws: ``OnlineStoreError`` of kind `.invalidSchema` naming the view and column.
    public func validate() throws {
        guard !name.isEmpty, !name.utf8.contains(0), name.utf8.count <= 300 else {
            throw OnlineStoreError(
                .invalidSchema, "feature view name '\(name)' must be 1 to 300 bytes without NUL characters")
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
        for key in joinKeys where !Self.supportsJoinKey(key.type) {
            throw OnlineStoreError(
                .invalidSchema,
                "join key '\(key.name)' of feature view '\(name)' has type \(key.type); online join keys must be one of \(Self.joinKeyTypeNames)"
            )
        }
        if let ttl, ttl < .zero {
            throw OnlineStoreError(.invalidSchema, "feature view '\(name)' has a negative TTL (\(ttl))")
        }
    }

    /// Whether values of a type can be online join keys.
    /// - Parameter type: the declared type.
    /// - Returns: `true` for integers, strings, bytes, booleans and timestamps.
    public static func supportsJoinKey(_ type: ValueType) -> Bool {
        switch type {
        case .bool, .int32, .int64, .string, .bytes, .timestamp: true
        case .float32, .float64, .list: false
        }
    }

    /// The types accepted for online join keys, for error messages.
    public static let joinKeyTypeNames = "bool, int32, int64, string, bytes, timestamp"
}
