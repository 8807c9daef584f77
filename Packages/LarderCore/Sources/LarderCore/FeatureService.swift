/// Features chosen from one view for a feature service: all of them, or the named ones.
public struct FeatureSelection: Hashable, Sendable, Codable {
    /// The view's name.
    public var featureView: String
    /// The chosen features, in order; `nil` means every feature of the view.
    public var features: [String]?
    /// The view object, when the selection was made from one in Swift.
    var implicitDeclarations = ImplicitDeclarations()

    /// A selection by names.
    /// - Parameters:
    ///   - featureView: the view's name.
    ///   - features: the chosen features; `nil` for all.
    public init(featureView: String, features: [String]? = nil) {
        self.featureView = featureView
        self.features = features
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case featureView = "feature_view", features
    }
}

/// The named set of features one model uses, so training and serving ask for the same thing.
public struct FeatureService: Hashable, Sendable {
    /// The service's unique name.
    public var name: String
    /// The features, view by view, in order.
    public var selections: [FeatureSelection]
    /// What the model is.
    public var description: String
    /// Free-form labels.
    public var tags: [String: String]
    /// Who to ask about the service.
    public var owner: String
    /// When `larder drift` calls the service's features drifted; `nil` for the defaults.
    public var drift: DriftPolicy?

    /// A feature service, with its views (or selections of them) in a builder block.
    /// - Parameters:
    ///   - name: the service's unique name.
    ///   - description: what the model is.
    ///   - tags: free-form labels.
    ///   - owner: who to ask.
    ///   - drift: when `larder drift` calls its features drifted; `nil` for the defaults.
    ///   - selections: whole views, or `view.select("a", "b")`.
    public init(
        _ name: String, description: String = "", tags: [String: String] = [:], owner: String = "",
        drift: DriftPolicy? = nil, @FeatureSelectionBuilder _ selections: () -> [FeatureSelection]
    ) {
        self.init(
            name: name, selections: selections(), description: description, tags: tags, owner: owner, drift: drift)
    }

    /// A feature service from its parts.
    /// - Parameters:
    ///   - name: the service's unique name.
    ///   - selections: the features, view by view.
    ///   - description: what the model is.
    ///   - tags: free-form labels.
    ///   - owner: who to ask.
    ///   - drift: when `larder drift` calls its features drifted; `nil` for the defaults.
    public init(
        name: String, selections: [FeatureSelection], description: String = "", tags: [String: String] = [:],
        owner: String = "", drift: DriftPolicy? = nil
    ) {
        self.name = name
        self.selections = selections
        self.description = description
        self.tags = tags
        self.owner = owner
        self.drift = drift
    }
}

/// Builds the selections of a ``FeatureService``: a view means all of its features.
@resultBuilder
public enum FeatureSelectionBuilder {
    /// A whole view.
    public static func buildExpression(_ view: FeatureView) -> [FeatureSelection] {
        var selection = FeatureSelection(featureView: view.name)
        selection.implicitDeclarations.objects = [.view(view)]
        return [selection]
    }
    /// A whole on-demand view.
    public static func buildExpression(_ view: OnDemandFeatureView) -> [FeatureSelection] {
        var selection = FeatureSelection(featureView: view.name)
        selection.implicitDeclarations.objects = [.onDemandView(view)]
        return [selection]
    }
    /// Chosen features of a view.
    public static func buildExpression(_ selection: FeatureSelection) -> [FeatureSelection] { [selection] }
    /// A block of selections.
    public static func buildBlock(_ parts: [FeatureSelection]...) -> [FeatureSelection] { parts.flatMap { $0 } }
    /// Selections under `if`.
    public static func buildOptional(_ part: [FeatureSelection]?) -> [FeatureSelection] { part ?? [] }
    /// Selections under `if`/`else`.
    public static func buildEither(first part: [FeatureSelection]) -> [FeatureSelection] { part }
    /// Selections under `if`/`else`.
    public static func buildEither(second part: [FeatureSelection]) -> [FeatureSelection] { part }
    /// Selections from a `for` loop.
    public static func buildArray(_ parts: [[FeatureSelection]]) -> [FeatureSelection] { parts.flatMap { $0 } }
}
