/// A feature named as `view:feature`, the form requests use.
public struct FeatureReference: Hashable, Sendable, CustomStringConvertible {
    /// The feature view's name.
    public var view: String
    /// The feature's name.
    public var feature: String

    /// A reference from its parts.
    /// - Parameters:
    ///   - view: the view's name.
    ///   - feature: the feature's name.
    public init(view: String, feature: String) {
        self.view = view
        self.feature = feature
    }

    /// Parses `view:feature`.
    /// - Parameter text: the reference.
    /// - Throws: ``DefinitionError`` when the text is not of that form.
    public init(parsing text: String) throws {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw DefinitionError(object: "feature reference '\(text)'", "expected the form 'feature_view:feature'")
        }
        self.init(view: String(parts[0]), feature: String(parts[1]))
    }

    /// `view:feature`.
    public var description: String { "\(view):\(feature)" }
}

/// A requested feature resolved against the definitions: its view, its field, and the column
/// name it gets in results.
public struct ResolvedFeature: Hashable, Sendable {
    /// The view the feature belongs to.
    public var view: FeatureView
    /// The feature.
    public var field: Field
    /// The result column: `feature`, or `view__feature` with full feature names.
    public var outputName: String
}

extension Manifest {
    /// Resolves `view:feature` references, in order.
    /// - Parameters:
    ///   - references: the references.
    ///   - fullFeatureNames: name results `view__feature` instead of `feature`.
    /// - Returns: the resolved features.
    /// - Throws: ``DefinitionError`` naming an unknown view or feature, or two features that
    ///   would get the same result name.
    public func resolve(_ references: [FeatureReference], fullFeatureNames: Bool) throws -> [ResolvedFeature] {
        var resolved: [ResolvedFeature] = []
        for reference in references {
            guard let view = featureView(named: reference.view) else {
                throw DefinitionError(
                    object: "feature reference '\(reference)'", "unknown feature view '\(reference.view)'")
            }
            guard let field = view.feature(named: reference.feature) else {
                throw DefinitionError(
                    object: "feature reference '\(reference)'",
                    "feature view '\(view.name)' has no feature '\(reference.feature)'")
            }
            let name = fullFeatureNames ? "\(view.name)__\(field.name)" : field.name
            if let clash = resolved.first(where: { $0.outputName == name }) {
                throw DefinitionError(
                    object: "feature reference '\(reference)'",
                    clash.view.name == view.name
                        ? "feature '\(reference)' is requested twice"
                        : "feature '\(name)' is in both '\(clash.view.name)' and '\(view.name)'; request full feature names to tell them apart"
                )
            }
            resolved.append(ResolvedFeature(view: view, field: field, outputName: name))
        }
        return resolved
    }

    /// The references of every feature a service uses, in order.
    /// - Parameter serviceName: the service's name.
    /// - Returns: the references.
    /// - Throws: ``DefinitionError`` when the service is unknown.
    public func references(ofService serviceName: String) throws -> [FeatureReference] {
        guard let service = featureService(named: serviceName) else {
            throw DefinitionError(
                object: "feature service '\(serviceName)'",
                "is not defined\(featureServices.isEmpty ? "" : " (known: \(featureServices.map(\.name).joined(separator: ", ")))")"
            )
        }
        return service.selections.flatMap { selection in
            let names = selection.features ?? featureNames(ofView: selection.featureView) ?? []
            return names.map { FeatureReference(view: selection.featureView, feature: $0) }
        }
    }
}
