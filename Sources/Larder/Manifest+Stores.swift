public import LarderAggregation
public import LarderCore
public import LarderStores

/// What the stores need to know about the definitions, read off the manifest.
extension Manifest {
    /// How the online store sees a feature view: its keys, features and TTL.
    /// - Parameter view: the view.
    /// - Returns: the schema.
    /// - Throws: ``DefinitionError`` when the view's entities are not defined.
    public func onlineSchema(for view: FeatureView) throws -> OnlineViewSchema {
        if view.isAggregation { return try eventLogLayout(for: view).onlineSchema }
        return OnlineViewSchema(
            name: view.name,
            joinKeys: try joinKeys(of: view).map { OnlineColumn(name: $0.name, type: $0.type) },
            features: view.features.map { OnlineColumn(name: $0.name, type: $0.type) },
            ttl: view.ttl)
    }

    /// How the online store keeps an aggregation view's events.
    /// - Parameter view: the aggregation view.
    /// - Returns: the layout.
    /// - Throws: ``DefinitionError`` when the view's entities are not defined.
    public func eventLogLayout(for view: FeatureView) throws -> EventLogLayout {
        EventLogLayout(view: view, joinKeys: try joinKeys(of: view))
    }

    /// The join keys of a view's entities, in declared order.
    /// - Parameter view: the view.
    /// - Returns: the join keys.
    /// - Throws: ``DefinitionError`` naming an entity that is not defined.
    func joinKeys(of view: FeatureView) throws -> [JoinKey] {
        try view.entities.flatMap { name -> [JoinKey] in
            guard let entity = entity(named: name) else {
                throw DefinitionError(
                    object: "feature view '\(view.name)'", field: "entities", "unknown entity '\(name)'")
            }
            return entity.joinKeys
        }
    }

    /// The file behind a view's source (a push source's batch file).
    /// - Parameter view: the view.
    /// - Returns: the file source.
    /// - Throws: ``DefinitionError`` naming a source that is not defined.
    func sourceFile(of view: FeatureView) throws -> FileSource {
        guard let source = source(named: view.source) else {
            throw DefinitionError(
                object: "feature view '\(view.name)'", field: "source", "unknown source '\(view.source)'")
        }
        return source.fileSource
    }

    /// The views with the given names (all when `names` is `nil`), in registry order.
    /// - Parameter names: the names, or `nil`.
    /// - Returns: the views.
    /// - Throws: ``DefinitionError`` naming a view that is not in the registry.
    func views(named names: [String]?) throws -> [FeatureView] {
        guard let names else { return featureViews }
        return try names.map { name in
            guard let view = featureView(named: name) else {
                throw DefinitionError(
                    object: "feature view '\(name)'",
                    "is not in the registry (applied: \(featureViews.map(\.name).joined(separator: ", ")))")
            }
            return view
        }
    }
}
