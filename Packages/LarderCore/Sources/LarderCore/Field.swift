/// A feature of a feature view: a named, typed column.
public struct Field: Hashable, Sendable, Codable {
    /// The feature's name, unique within its view.
    public var name: String
    /// The feature's type.
    public var type: ValueType
    /// What the feature means.
    public var description: String
    /// Free-form labels.
    public var tags: [String: String]

    /// A feature.
    /// - Parameters:
    ///   - name: the feature's name.
    ///   - type: the feature's type.
    ///   - description: what it means.
    ///   - tags: free-form labels.
    public init(_ name: String, _ type: ValueType, description: String = "", tags: [String: String] = [:]) {
        self.name = name
        self.type = type
        self.description = description
        self.tags = tags
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, type, description, tags
    }

    /// Decodes a field; `description` and `tags` may be absent.
    /// - Throws: `DecodingError` when `name` or `type` is missing or invalid.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownMembers(of: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        type = try container.decode(ValueType.self, forKey: .type)
        description = try container.decodeIfPresent(String.self, forKey: .description) ?? ""
        tags = try container.decodeIfPresent([String: String].self, forKey: .tags) ?? [:]
    }
}
