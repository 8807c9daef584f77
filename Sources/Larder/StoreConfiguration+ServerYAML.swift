import Yams

extension StoreConfiguration {
    /// Parses the `server:` mapping: `auth: {tokens: [{name, sha256, permissions}]}`,
    /// `max_body_bytes`, `max_entity_rows`.
    /// - Parameters:
    ///   - node: the `server` value.
    ///   - reader: the reader for the `server` path.
    /// - Returns: the settings.
    /// - Throws: ``ConfigurationError`` naming the key, such as `server.auth.tokens[0].sha256`.
    static func parseServer(_ node: Node, reader: YAMLMappingReader) throws -> ServerSettings {
        var settings = ServerSettings()
        let mapping = try reader.mapping(node)
        settings.maxBodyBytes = try reader.positiveInt(mapping, "max_body_bytes") ?? settings.maxBodyBytes
        settings.maxEntityRows = try reader.positiveInt(mapping, "max_entity_rows") ?? settings.maxEntityRows
        if let auth = mapping["auth"] {
            let authReader = reader.nested("auth")
            let authMapping = try authReader.mapping(auth)
            guard let tokens = authMapping["tokens"], case .sequence(let sequence) = tokens else {
                throw authReader.error(
                    authMapping["tokens"] ?? auth, "tokens", "expected a list of tokens ({name, sha256, permissions})")
            }
            settings.tokens = try sequence.enumerated().map { index, node in
                try parseToken(node, reader: authReader.nested("tokens[\(index)]"))
            }
            try authReader.rejectUnknown(authMapping, allowed: ["tokens"])
        }
        try reader.rejectUnknown(mapping, allowed: ["auth", "max_body_bytes", "max_entity_rows"])
        return settings
    }

    private static func parseToken(_ node: Node, reader: YAMLMappingReader) throws -> ServerToken {
        let mapping = try reader.mapping(node)
        guard let name = try reader.string(mapping, "name") else {
            throw reader.error(node, "name", "is required (who the token belongs to)")
        }
        guard let digest = try reader.string(mapping, "sha256") else {
            throw reader.error(
                node, "sha256", "is required (the token's SHA-256 in hex; the token itself is never stored)")
        }
        guard digest.count == 64, digest.allSatisfy(\.isHexDigit) else {
            throw reader.error(mapping["sha256"], "sha256", "expected 64 hex digits, got '\(digest)'")
        }
        guard let list = mapping["permissions"], case .sequence(let sequence) = list else {
            throw reader.error(
                mapping["permissions"] ?? node, "permissions", "expected a list of read_online, push, materialize")
        }
        let permissions = try sequence.map { item -> ServerPermission in
            guard let text = item.string, let permission = ServerPermission(rawValue: text) else {
                throw reader.error(
                    item, "permissions",
                    "'\(item.string ?? "\(item)")' is not a permission; expected one of \(ServerPermission.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            return permission
        }
        try reader.rejectUnknown(mapping, allowed: ["name", "sha256", "permissions"])
        return ServerToken(name: name, sha256: digest, permissions: Set(permissions))
    }
}
