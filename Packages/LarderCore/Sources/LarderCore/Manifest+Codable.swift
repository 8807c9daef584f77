// The JSON form of the manifest, documented in docs/manifest.md. Optional members may be
// omitted; an unknown member is an error naming it and the closest known member, so a typo
// never changes the registry silently. New members come with a new `manifest_version`:
// version 2 added aggregation views; a version 1 manifest still reads as it always did.

extension Manifest: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case version = "manifest_version", entities, sources, featureViews = "feature_views"
        case featureServices = "feature_services"
        case onDemandFeatureViews = "on_demand_feature_views"
    }

    /// Decodes a manifest, rejecting versions newer than this build understands.
    /// - Throws: `DecodingError` for a missing, malformed or unknown member or a newer version.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownMembers(of: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decode(Int.self, forKey: .version)
        guard (1...Self.currentVersion).contains(version) else {
            throw DecodingError.dataCorruptedError(
                forKey: .version, in: container,
                debugDescription:
                    "manifest version \(version) is not supported; this Larder reads versions 1 to \(Self.currentVersion)"
            )
        }
        entities = try container.decodeIfPresent([Entity].self, forKey: .entities) ?? []
        sources = try container.decodeIfPresent([DataSource].self, forKey: .sources) ?? []
        featureViews = try container.decodeIfPresent([FeatureView].self, forKey: .featureViews) ?? []
        featureServices = try container.decodeIfPresent([FeatureService].self, forKey: .featureServices) ?? []
        onDemandFeatureViews =
            try container.decodeIfPresent([OnDemandFeatureView].self, forKey: .onDemandFeatureViews) ?? []
        if version < 2, let index = featureViews.firstIndex(where: \.isAggregation) {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: [
                        CodingKeys.featureViews, MemberKey(index: index), FeatureView.CodingKeys.aggregations,
                    ],
                    debugDescription: "aggregation views need manifest_version 2 or later (this manifest is \(version))"
                ))
        }
        if version < 2, !onDemandFeatureViews.isEmpty {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: [CodingKeys.onDemandFeatureViews],
                    debugDescription:
                        "on-demand feature views need manifest_version 2 or later (this manifest is \(version))"))
        }
    }

    /// Encodes every member (`on_demand_feature_views` only when there are some).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(entities, forKey: .entities)
        try container.encode(sources, forKey: .sources)
        try container.encode(featureViews, forKey: .featureViews)
        try container.encode(featureServices, forKey: .featureServices)
        // Written only when present, so a manifest without on-demand views keeps its form.
        if !onDemandFeatureViews.isEmpty {
            try container.encode(onDemandFeatureViews, forKey: .onDemandFeatureViews)
        }
    }
}

extension Entity {
    /// Decodes an entity; `description` and `tags` may be absent.
    /// - Throws: `DecodingError` when `name` or `join_keys` is missing, or a member is unknown.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownMembers(of: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        joinKeys = try container.decode([JoinKey].self, forKey: .joinKeys)
        description = try container.decodeIfPresent(String.self, forKey: .description) ?? ""
        tags = try container.decodeIfPresent([String: String].self, forKey: .tags) ?? [:]
    }
}

extension DataSource: Codable {
    enum CodingKeys: String, CodingKey { case kind }

    /// Decodes a source by its `kind`: `file` or `push`.
    /// - Throws: `DecodingError` for an unknown kind or a malformed source.
    public init(from decoder: any Decoder) throws {
        let kind = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .kind)
        switch kind {
        case "file": self = .file(try FileSource(from: decoder))
        case "push": self = .push(try PushSource(from: decoder))
        default:
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "unknown source kind '\(kind)'; expected 'file' or 'push'"))
        }
    }

    /// Encodes the source with its `kind`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .file(let source):
            try container.encode("file", forKey: .kind)
            try source.encode(to: encoder)
        case .push(let source):
            try container.encode("push", forKey: .kind)
            try source.encode(to: encoder)
        }
    }
}

extension FeatureView: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, entities, features, source, ttlSeconds = "ttl_seconds", online, description, tags, owner
        case aggregations, expectations
    }

    /// Decodes a view: `features` for stored features, or `aggregations` (manifest version 2)
    /// for an aggregation view, never both; `ttl_seconds` absent or 0 means no limit.
    /// - Throws: `DecodingError` when a required member is missing or malformed, a member is
    ///   unknown, both or neither of `features` and `aggregations` are given, or an
    ///   aggregation view has a TTL.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownMembers(of: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let ttlSeconds = try container.decodeIfPresent(Int64.self, forKey: .ttlSeconds) ?? 0
        let name = try container.decode(String.self, forKey: .name)
        let entityNames = try container.decode([String].self, forKey: .entities)
        let sourceName = try container.decode(String.self, forKey: .source)
        let online = try container.decodeIfPresent(Bool.self, forKey: .online) ?? true
        let description = try container.decodeIfPresent(String.self, forKey: .description) ?? ""
        let tags = try container.decodeIfPresent([String: String].self, forKey: .tags) ?? [:]
        let owner = try container.decodeIfPresent(String.self, forKey: .owner) ?? ""
        let expectations = try container.decodeIfPresent(ViewExpectations.self, forKey: .expectations) ?? .init()
        if let aggregations = try container.decodeIfPresent([Aggregation].self, forKey: .aggregations) {
            if container.contains(.features) {
                throw DecodingError.dataCorruptedError(
                    forKey: .features, in: container,
                    debugDescription: "an aggregation view takes 'aggregations' instead of 'features', not both")
            }
            if ttlSeconds != 0 {
                throw DecodingError.dataCorruptedError(
                    forKey: .ttlSeconds, in: container,
                    debugDescription: "an aggregation view takes no TTL: each window bounds its feature")
            }
            self.init(
                name: name, entityNames: entityNames, aggregations: aggregations, sourceName: sourceName,
                online: online, description: description, tags: tags, owner: owner)
        } else {
            self.init(
                name: name, entityNames: entityNames, features: try container.decode([Field].self, forKey: .features),
                sourceName: sourceName, ttl: ttlSeconds == 0 ? nil : .seconds(ttlSeconds), online: online,
                description: description, tags: tags, owner: owner)
        }
        self.expectations = expectations
    }

    /// Encodes the view, its TTL as whole seconds (0 for none); an aggregation view lists its
    /// `aggregations` instead of `features`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(entities, forKey: .entities)
        if let aggregations {
            try container.encode(aggregations, forKey: .aggregations)
        } else {
            try container.encode(features, forKey: .features)
            try container.encode(ttl?.components.seconds ?? 0, forKey: .ttlSeconds)
        }
        try container.encode(source, forKey: .source)
        try container.encode(online, forKey: .online)
        try container.encode(description, forKey: .description)
        try container.encode(tags, forKey: .tags)
        try container.encode(owner, forKey: .owner)
        // Written only when declared, so a view without expectations keeps its form.
        if !expectations.isEmpty {
            try container.encode(expectations, forKey: .expectations)
        }
    }
}

extension FeatureService: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, features, description, tags, owner, drift
    }

    /// Decodes a service; `features` lists `{feature_view, features?}` selections, and the
    /// optional `drift` holds its drift thresholds.
    /// - Throws: `DecodingError` when a required member is missing or malformed, or a member
    ///   is unknown.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownMembers(of: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decode(String.self, forKey: .name),
            selections: try container.decode([FeatureSelection].self, forKey: .features),
            description: try container.decodeIfPresent(String.self, forKey: .description) ?? "",
            tags: try container.decodeIfPresent([String: String].self, forKey: .tags) ?? [:],
            owner: try container.decodeIfPresent(String.self, forKey: .owner) ?? "",
            drift: try container.decodeIfPresent(DriftPolicy.self, forKey: .drift))
    }

    /// Encodes the service; `drift` only when it is declared, so older registries read it.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(selections, forKey: .features)
        try container.encode(description, forKey: .description)
        try container.encode(tags, forKey: .tags)
        try container.encode(owner, forKey: .owner)
        try container.encodeIfPresent(drift, forKey: .drift)
    }
}

extension JoinKey {
    /// Decodes a join key.
    /// - Throws: `DecodingError` when `name` or `type` is missing or invalid, or a member is unknown.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownMembers(of: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try container.decode(String.self, forKey: .name), try container.decode(ValueType.self, forKey: .type))
    }
}

extension FeatureSelection {
    /// Decodes a selection; `features` absent means every feature of the view.
    /// - Throws: `DecodingError` when `feature_view` is missing, or a member is unknown.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownMembers(of: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            featureView: try container.decode(String.self, forKey: .featureView),
            features: try container.decodeIfPresent([String].self, forKey: .features))
    }
}
