extension Manifest {
    /// The on-demand feature view with the given name.
    /// - Parameter name: the view's name.
    public func onDemandFeatureView(named name: String) -> OnDemandFeatureView? {
        onDemandFeatureViews.first { $0.name == name }
    }

    /// The feature names of a stored or on-demand view, in declared order; `nil` when no view
    /// has the name.
    /// - Parameter name: the view's name.
    public func featureNames(ofView name: String) -> [String]? {
        featureView(named: name)?.features.map(\.name) ?? onDemandFeatureView(named: name)?.features.map(\.name)
    }

    /// The names of every view, stored then on demand.
    var allViewNames: [String] { featureViews.map(\.name) + onDemandFeatureViews.map(\.name) }

    /// Whether a reference names a feature of an on-demand view.
    /// - Parameter reference: the reference.
    public func isOnDemand(_ reference: FeatureReference) -> Bool {
        onDemandFeatureView(named: reference.view) != nil
    }

    /// The types of every feature an on-demand expression may read: stored features and
    /// on-demand features (by their declared types).
    public var featureTypes: [FeatureReference: ValueType] {
        var types: [FeatureReference: ValueType] = [:]
        for view in featureViews {
            for field in view.features { types[FeatureReference(view: view.name, feature: field.name)] = field.type }
        }
        for view in onDemandFeatureViews {
            for feature in view.features {
                types[FeatureReference(view: view.name, feature: feature.name)] = feature.type
            }
        }
        return types
    }
}
