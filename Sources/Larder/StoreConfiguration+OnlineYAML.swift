import Yams

/// Reading the `online_store` section of `feature_store.yaml`.
extension StoreConfiguration {
    /// The keys each online backend accepts besides `type`.
    private static let onlineKeys: [String: Set<String>] = [
        "lmdb": ["path", "map_size_mb"],
        "memory": ["path", "map_size_mb"],
        "redis": ["connection_string", "cluster", "key_prefix", "password_env", "timeout_ms", "expire_from_ttl"],
    ]

    /// Reads the `online_store` mapping.
    /// - Parameters:
    ///   - node: the mapping.
    ///   - reader: names the section in errors.
    /// - Returns: the online store's settings.
    /// - Throws: ``ConfigurationError`` naming the file, line and key of a bad value, or a key
    ///   the backend does not take.
    static func parseOnlineStore(_ node: Node, reader: YAMLMappingReader) throws -> OnlineStoreConfiguration {
        let mapping = try reader.mapping(node)
        var online = OnlineStoreConfiguration()
        online.type = try reader.choice(mapping, "type", OnlineStoreConfiguration.types) ?? "lmdb"
        online.path = try reader.string(mapping, "path") ?? online.path
        online.mapSizeMiB = try reader.positiveInt(mapping, "map_size_mb") ?? online.mapSizeMiB
        var redis = RedisStoreConfiguration()
        redis.connectionString = try reader.string(mapping, "connection_string") ?? redis.connectionString
        redis.cluster = try reader.bool(mapping, "cluster") ?? redis.cluster
        redis.keyPrefix = try reader.string(mapping, "key_prefix")
        redis.passwordEnvironmentVariable = try reader.string(mapping, "password_env")
        redis.timeoutMilliseconds = try reader.positiveInt(mapping, "timeout_ms") ?? redis.timeoutMilliseconds
        redis.expireFromTTL = try reader.bool(mapping, "expire_from_ttl") ?? redis.expireFromTTL
        online.redis = redis
        try reader.rejectUnknown(mapping, allowed: onlineKeys[online.type, default: []].union(["type"]))
        return online
    }
}

extension YAMLMappingReader {
    /// Reads `true` or `false`.
    /// - Parameters:
    ///   - mapping: the mapping.
    ///   - key: the key.
    /// - Returns: the value, or `nil` when the key is absent.
    /// - Throws: ``ConfigurationError`` naming the key when the value is not a boolean.
    func bool(_ mapping: Node.Mapping, _ key: String) throws -> Bool? {
        guard let node = mapping[key] else { return nil }
        guard let value = node.bool else { throw error(node, key, "expected true or false") }
        return value
    }
}
