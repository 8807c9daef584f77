/// A group of features read from one source and keyed by the same entities, with a TTL:
/// how long a value stays valid after its event time.
///
/// An aggregation view (``aggregations`` is set) reads raw events instead, and computes each
/// feature over the events in a window before the time it is read at; its ``features`` are
/// the aggregated ones (see `docs/concepts.md`).
public struct FeatureView: Hashable, Sendable {
    /// The view's unique name.
    public var name: String
    /// The names of the entities whose join keys identify a row.
    public var entities: [String]
    /// The features, in declared order; for an aggregation view, one per aggregation.
    public var features: [Field]
    /// The aggregations of an aggregation view, in declared order; `nil` for a view of stored
    /// features. Setting it sets ``features``.
    public var aggregations: [Aggregation]? {
        didSet { if let aggregations { features = aggregations.map(\.field) } }
    }
    /// The name of the source the rows come from.
    public var source: String
    /// How long after its event time a value may be used; `nil` for no limit.
    public var ttl: Duration?
    /// Whether `materialize` copies this view to the online store.
    public var online: Bool
    /// What the view holds.
    public var description: String
    /// Free-form labels.
    public var tags: [String: String]
    /// Who to ask about the view.
    public var owner: String
    /// The checks on the view's rows and what to do when they fail (empty: none); see
    /// ``expecting(_:_:)``.
    public var expectations = ViewExpectations()
    /// The entity and source objects the view was declared with, so a repository that lists
    /// only the view still defines them. Not part of the view's identity or its manifest form.
    var implicitDeclarations = ImplicitDeclarations()

    /// A feature view, with its features listed in a builder block.
    /// - Parameters:
    ///   - name: the view's unique name.
    ///   - entities: the entities whose keys identify a row.
    ///   - ttl: how long a value stays valid; `nil` for no limit.
    ///   - source: where the rows come from.
    ///   - online: whether to materialize the view to the online store.
    ///   - description: what the view holds.
    ///   - tags: free-form labels.
    ///   - owner: who to ask about the view.
    ///   - features: the features.
    public init(
        _ name: String, entities: [Entity], ttl: Duration? = nil, source: FileSource, online: Bool = true,
        description: String = "", tags: [String: String] = [:], owner: String = "",
        @FieldBuilder features: () -> [Field]
    ) {
        self.init(
            name, entities: entities, ttl: ttl, dataSource: .file(source), online: online,
            description: description, tags: tags, owner: owner, features: features())
    }

    /// A feature view fed by a push source (and offline by its batch source).
    /// - Parameters:
    ///   - name: the view's unique name.
    ///   - entities: the entities whose keys identify a row.
    ///   - ttl: how long a value stays valid; `nil` for no limit.
    ///   - source: the push source.
    ///   - online: whether to materialize the view to the online store.
    ///   - description: what the view holds.
    ///   - tags: free-form labels.
    ///   - owner: who to ask about the view.
    ///   - features: the features.
    public init(
        _ name: String, entities: [Entity], ttl: Duration? = nil, source: PushSource, online: Bool = true,
        description: String = "", tags: [String: String] = [:], owner: String = "",
        @FieldBuilder features: () -> [Field]
    ) {
        self.init(
            name, entities: entities, ttl: ttl, dataSource: .push(source), online: online,
            description: description, tags: tags, owner: owner, features: features())
    }

    /// A feature view from names alone, as the manifest stores it.
    /// - Parameters:
    ///   - name: the view's unique name.
    ///   - entityNames: the names of its entities.
    ///   - features: the features.
    ///   - sourceName: the name of its source.
    ///   - ttl: how long a value stays valid; `nil` for no limit.
    ///   - online: whether to materialize the view.
    ///   - description: what the view holds.
    ///   - tags: free-form labels.
    ///   - owner: who to ask about the view.
    public init(
        name: String, entityNames: [String], features: [Field], sourceName: String, ttl: Duration?,
        online: Bool = true, description: String = "", tags: [String: String] = [:], owner: String = ""
    ) {
        self.name = name
        self.entities = entityNames
        self.features = features
        self.aggregations = nil
        self.source = sourceName
        self.ttl = ttl
        self.online = online
        self.description = description
        self.tags = tags
        self.owner = owner
    }

    /// An aggregation view from names alone, as the manifest stores it.
    /// - Parameters:
    ///   - name: the view's unique name.
    ///   - entityNames: the names of its entities.
    ///   - aggregations: the aggregations.
    ///   - sourceName: the name of its event source.
    ///   - online: whether to materialize the view.
    ///   - description: what the view holds.
    ///   - tags: free-form labels.
    ///   - owner: who to ask about the view.
    public init(
        name: String, entityNames: [String], aggregations: [Aggregation], sourceName: String, online: Bool = true,
        description: String = "", tags: [String: String] = [:], owner: String = ""
    ) {
        self.init(
            name: name, entityNames: entityNames, features: aggregations.map(\.field), sourceName: sourceName, ttl: nil,
            online: online, description: description, tags: tags, owner: owner)
        self.aggregations = aggregations
    }

    /// An aggregation view over a file of events.
    /// - Parameters:
    ///   - name: the view's unique name.
    ///   - entities: the entities whose keys identify the events.
    ///   - source: the events.
    ///   - online: whether to materialize the view to the online store.
    ///   - description: what the view holds.
    ///   - tags: free-form labels.
    ///   - owner: who to ask about the view.
    ///   - aggregations: the aggregated features.
    public init(
        _ name: String, entities: [Entity], source: FileSource, online: Bool = true, description: String = "",
        tags: [String: String] = [:], owner: String = "", @AggregationBuilder aggregations: () -> [Aggregation]
    ) {
        self.init(
            name: name, entityNames: entities.map(\.name), aggregations: aggregations(), sourceName: source.name,
            online: online, description: description, tags: tags, owner: owner)
        implicitDeclarations.objects = entities.map(RepositoryObject.entity) + [.source(.file(source))]
    }

    /// An aggregation view over pushed events (and offline, its push source's batch file).
    /// - Parameters:
    ///   - name: the view's unique name.
    ///   - entities: the entities whose keys identify the events.
    ///   - source: the push source of events.
    ///   - online: whether to materialize the view to the online store.
    ///   - description: what the view holds.
    ///   - tags: free-form labels.
    ///   - owner: who to ask about the view.
    ///   - aggregations: the aggregated features.
    public init(
        _ name: String, entities: [Entity], source: PushSource, online: Bool = true, description: String = "",
        tags: [String: String] = [:], owner: String = "", @AggregationBuilder aggregations: () -> [Aggregation]
    ) {
        self.init(
            name: name, entityNames: entities.map(\.name), aggregations: aggregations(), sourceName: source.name,
            online: online, description: description, tags: tags, owner: owner)
        implicitDeclarations.objects = entities.map(RepositoryObject.entity) + [.source(.push(source))]
    }

    private init(
        _ name: String, entities: [Entity], ttl: Duration?, dataSource: DataSource, online: Bool,
        description: String, tags: [String: String], owner: String, features: [Field]
    ) {
        self.init(
            name: name, entityNames: entities.map(\.name), features: features, sourceName: dataSource.name,
            ttl: ttl, online: online, description: description, tags: tags, owner: owner)
        implicitDeclarations.objects = entities.map(RepositoryObject.entity) + [.source(dataSource)]
    }

    /// Whether the view computes its features from events (``aggregations`` is set).
    public var isAggregation: Bool { aggregations != nil }

    /// The event columns an aggregation view reads, each once, in the order its aggregations
    /// first name them, with their types (`float64` until `apply` knows a type); empty for a
    /// view of stored features.
    public var eventColumns: [Field] {
        var seen = Set<String>()
        return (aggregations ?? []).compactMap { aggregation in
            guard let column = aggregation.column, seen.insert(column).inserted else { return nil }
            return Field(column, aggregation.columnType ?? .float64)
        }
    }

    /// The columns the stores keep for each row: the features, or an aggregation view's
    /// event columns.
    public var storedColumns: [Field] { isAggregation ? eventColumns : features }

    /// The longest window of an aggregation view, in nanoseconds: how long an event matters.
    /// `nil` for a view of stored features or when no window is valid.
    public var longestWindowNanoseconds: Int64? {
        aggregations?.compactMap(\.window.nanoseconds).max()
    }

    /// The feature with the given name, if the view has one.
    /// - Parameter name: the feature's name.
    public func feature(named name: String) -> Field? {
        features.first { $0.name == name }
    }

    /// Chooses some of the view's features, for a feature service.
    /// - Parameter names: the features to include.
    /// - Returns: the selection.
    public func select(_ names: String...) -> FeatureSelection {
        var selection = FeatureSelection(featureView: name, features: names)
        selection.implicitDeclarations.objects = [.view(self)]
        return selection
    }
}

/// Definitions an object was declared with (entities of a view, views of a service), carried
/// along so a repository collects them. Equal to every other value: it never affects identity.
struct ImplicitDeclarations: Hashable, Sendable {
    var objects: [RepositoryObject] = []

    static func == (lhs: ImplicitDeclarations, rhs: ImplicitDeclarations) -> Bool { true }

    func hash(into hasher: inout Hasher) {}
}

/// Builds the feature list of a ``FeatureView``.
@resultBuilder
public enum FieldBuilder {
    /// One feature.
    public static func buildExpression(_ field: Field) -> [Field] { [field] }
    /// Several features.
    public static func buildExpression(_ fields: [Field]) -> [Field] { fields }
    /// A block of features.
    public static func buildBlock(_ parts: [Field]...) -> [Field] { parts.flatMap { $0 } }
    /// Features under `if`.
    public static func buildOptional(_ part: [Field]?) -> [Field] { part ?? [] }
    /// Features under `if`/`else`.
    public static func buildEither(first part: [Field]) -> [Field] { part }
    /// Features under `if`/`else`.
    public static func buildEither(second part: [Field]) -> [Field] { part }
    /// Features from a `for` loop.
    public static func buildArray(_ parts: [[Field]]) -> [Field] { parts.flatMap { $0 } }
}
