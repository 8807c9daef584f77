/// A field a scoring request carries (and a training set's entity file has as a column), such
/// as the payment's amount, read by on-demand features.
public struct RequestField: Hashable, Sendable, Codable {
    /// The field's name: a member of the request, a column of the entity file.
    public var name: String
    /// Its type; requests and entity files must supply values of it.
    public var type: ValueType

    /// A request field.
    /// - Parameters:
    ///   - name: the field's name.
    ///   - type: its type.
    public init(_ name: String, _ type: ValueType) {
        self.name = name
        self.type = type
    }

    /// The field as an expression operand: `log(amount.value + 1)`.
    public var value: FeatureExpression { .request(name) }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, type
    }

    /// Decodes a request field.
    /// - Throws: `DecodingError` when `name` or `type` is missing or invalid, or a member is unknown.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownMembers(of: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try container.decode(String.self, forKey: .name), try container.decode(ValueType.self, forKey: .type))
    }
}

/// An on-demand feature: a name, a declared type, and the expression that computes it.
public struct Transformation: Hashable, Sendable, Codable {
    /// The feature's name, unique within its view.
    public var name: String
    /// The feature's type; the expression must have it (use `cast` to convert).
    public var type: ValueType
    /// What computes the value.
    public var expression: FeatureExpression
    /// What the feature means.
    public var description: String

    /// An on-demand feature.
    /// - Parameters:
    ///   - name: the feature's name.
    ///   - type: its type.
    ///   - expression: what computes it.
    ///   - description: what it means.
    public init(_ name: String, _ type: ValueType, _ expression: FeatureExpression, description: String = "") {
        self.name = name
        self.type = type
        self.expression = expression
        self.description = description
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, type, expression, description
    }

    /// Decodes a feature; `description` may be absent.
    /// - Throws: `DecodingError` when a member is missing, malformed or unknown.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownMembers(of: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try container.decode(String.self, forKey: .name), try container.decode(ValueType.self, forKey: .type),
            try container.decode(FeatureExpression.self, forKey: .expression),
            description: try container.decodeIfPresent(String.self, forKey: .description) ?? "")
    }
}

/// Features computed when they are read, from request fields and features of other views,
/// by one interpreter for training sets and online reads alike (Feast's on-demand feature
/// view, with typed expressions instead of Python functions).
public struct OnDemandFeatureView: Hashable, Sendable {
    /// The view's unique name (views and on-demand views share one namespace).
    public var name: String
    /// The request fields its features read.
    public var requestFields: [RequestField]
    /// The features, in declared order.
    public var features: [Transformation]
    /// What the view computes.
    public var description: String
    /// Free-form labels.
    public var tags: [String: String]
    /// Who to ask about the view.
    public var owner: String
    /// The views its features read, declared with it, so a repository collects them.
    var implicitDeclarations = ImplicitDeclarations()

    /// An on-demand view, with its features listed in a builder block.
    /// - Parameters:
    ///   - name: the view's unique name.
    ///   - requestFields: the request fields its features read.
    ///   - sources: the views whose features it reads (collected into the repository).
    ///   - description: what the view computes.
    ///   - tags: free-form labels.
    ///   - owner: who to ask.
    ///   - features: the features.
    public init(
        _ name: String, requestFields: [RequestField] = [], sources: [FeatureView] = [], description: String = "",
        tags: [String: String] = [:], owner: String = "", @TransformationBuilder features: () -> [Transformation]
    ) {
        self.init(
            name: name, requestFields: requestFields, features: features(), description: description, tags: tags,
            owner: owner)
        implicitDeclarations.objects = sources.map(RepositoryObject.view)
    }

    /// An on-demand view from its parts, as the manifest stores it.
    /// - Parameters:
    ///   - name: the view's unique name.
    ///   - requestFields: the request fields.
    ///   - features: the features.
    ///   - description: what the view computes.
    ///   - tags: free-form labels.
    ///   - owner: who to ask.
    public init(
        name: String, requestFields: [RequestField], features: [Transformation], description: String = "",
        tags: [String: String] = [:], owner: String = ""
    ) {
        self.name = name
        self.requestFields = requestFields
        self.features = features
        self.description = description
        self.tags = tags
        self.owner = owner
    }

    /// The feature with the given name, if the view has one.
    /// - Parameter name: the feature's name.
    public func feature(named name: String) -> Transformation? {
        features.first { $0.name == name }
    }

    /// Chooses some of the view's features, for a feature service.
    /// - Parameter names: the features to include.
    /// - Returns: the selection.
    public func select(_ names: String...) -> FeatureSelection {
        var selection = FeatureSelection(featureView: name, features: names)
        selection.implicitDeclarations.objects = [.onDemandView(self)]
        return selection
    }

    /// A feature of this view as an operand of another on-demand view's expression.
    /// - Parameter feature: the feature's name.
    public subscript(feature: String) -> FeatureExpression { .feature(FeatureReference(view: name, feature: feature)) }
}

extension FeatureView {
    /// A feature of this view as an operand of an on-demand view's expression:
    /// `amount.value / userStats["avg_amount_30d"]`.
    /// - Parameter feature: the feature's name.
    public subscript(feature: String) -> FeatureExpression { .feature(FeatureReference(view: name, feature: feature)) }
}

/// Builds the feature list of an ``OnDemandFeatureView``.
@resultBuilder
public enum TransformationBuilder {
    /// One feature.
    public static func buildExpression(_ feature: Transformation) -> [Transformation] { [feature] }
    /// A block of features.
    public static func buildBlock(_ parts: [Transformation]...) -> [Transformation] { parts.flatMap { $0 } }
    /// Features under `if`.
    public static func buildOptional(_ part: [Transformation]?) -> [Transformation] { part ?? [] }
    /// Features under `if`/`else`.
    public static func buildEither(first part: [Transformation]) -> [Transformation] { part }
    /// Features under `if`/`else`.
    public static func buildEither(second part: [Transformation]) -> [Transformation] { part }
    /// Features from a `for` loop.
    public static func buildArray(_ parts: [[Transformation]]) -> [Transformation] { parts.flatMap { $0 } }
}

extension OnDemandFeatureView: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, requestFields = "request_fields", features, description, tags, owner
    }

    /// Decodes an on-demand view; `request_fields`, `description`, `tags`, `owner` may be absent.
    /// - Throws: `DecodingError` when a member is missing, malformed or unknown.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownMembers(of: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decode(String.self, forKey: .name),
            requestFields: try container.decodeIfPresent([RequestField].self, forKey: .requestFields) ?? [],
            features: try container.decode([Transformation].self, forKey: .features),
            description: try container.decodeIfPresent(String.self, forKey: .description) ?? "",
            tags: try container.decodeIfPresent([String: String].self, forKey: .tags) ?? [:],
            owner: try container.decodeIfPresent(String.self, forKey: .owner) ?? "")
    }

    /// Encodes every member.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(requestFields, forKey: .requestFields)
        try container.encode(features, forKey: .features)
        try container.encode(description, forKey: .description)
        try container.encode(tags, forKey: .tags)
        try container.encode(owner, forKey: .owner)
    }
}
