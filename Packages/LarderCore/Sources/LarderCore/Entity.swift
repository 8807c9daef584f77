/// A join key column of an entity: its name in source files and requests, and its type.
public struct JoinKey: Hashable, Sendable, Codable {
    /// The column name, such as `user_id`.
    public var name: String
    /// The key's type; keys compare by type and value, so `1` and `"1"` differ.
    public var type: ValueType

    /// A join key.
    /// - Parameters:
    ///   - name: the column name.
    ///   - type: the key's type (`int64` or `string` in most repos).
    public init(_ name: String, _ type: ValueType) {
        self.name = name
        self.type = type
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, type
    }
}

/// Something features describe, identified by one or more join keys: a user, a merchant, a
/// (user, merchant) pair.
public struct Entity: Hashable, Sendable, Codable {
    /// The entity's unique name.
    public var name: String
    /// The columns that identify one instance, in declared order.
    public var joinKeys: [JoinKey]
    /// What the entity is, for people reading the registry.
    public var description: String
    /// Free-form labels.
    public var tags: [String: String]

    /// An entity with a single join key.
    /// - Parameters:
    ///   - name: the entity's unique name.
    ///   - joinKey: the join key column.
    ///   - type: the join key's type.
    ///   - description: what the entity is.
    ///   - tags: free-form labels.
    public init(
        _ name: String, joinKey: String, type: ValueType = .int64, description: String = "",
        tags: [String: String] = [:]
    ) {
        self.init(name, joinKeys: [JoinKey(joinKey, type)], description: description, tags: tags)
    }

    /// An entity identified by several columns together.
    /// - Parameters:
    ///   - name: the entity's unique name.
    ///   - joinKeys: the key columns, in order.
    ///   - description: what the entity is.
    ///   - tags: free-form labels.
    public init(_ name: String, joinKeys: [JoinKey], description: String = "", tags: [String: String] = [:]) {
        self.name = name
        self.joinKeys = joinKeys
        self.description = description
        self.tags = tags
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, joinKeys = "join_keys", description, tags
    }
}
