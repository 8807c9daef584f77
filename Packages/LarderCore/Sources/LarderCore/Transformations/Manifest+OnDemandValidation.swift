extension Manifest {
    /// Checks the on-demand views: names, request fields, each feature's expression against
    /// the types of what it reads and its declared type, and cycles between on-demand features.
    /// - Returns: every problem found, naming the view, the feature and the sub-expression.
    func onDemandValidationErrors() -> [DefinitionError] {
        var errors = duplicateNames(onDemandFeatureViews.map(\.name), kind: "on-demand feature view")
        let stored = Set(featureViews.map(\.name))
        for view in onDemandFeatureViews where stored.contains(view.name) {
            errors.append(
                DefinitionError(
                    object: "on-demand feature view '\(view.name)'", field: "name",
                    "a feature view has the same name; views and on-demand views share names"))
        }
        let types = featureTypes
        for view in onDemandFeatureViews { errors += self.errors(in: view, featureTypes: types) }
        errors += cycleErrors()
        return errors
    }

    private func errors(
        in view: OnDemandFeatureView, featureTypes: [FeatureReference: ValueType]
    )
        -> [DefinitionError]
    {
        let object = "on-demand feature view '\(view.name)'"
        var errors = Self.nameErrors(view.name, object: object)
        if view.features.isEmpty {
            errors.append(DefinitionError(object: object, field: "features", "needs at least one feature"))
        }
        var requestTypes: [String: ValueType] = [:]
        for (index, field) in view.requestFields.enumerated() {
            let path = "request_fields[\(index)]"
            errors += Self.nameErrors(field.name, object: object, field: path)
            if requestTypes.updateValue(field.type, forKey: field.name) != nil {
                errors.append(
                    DefinitionError(object: object, field: path, "request field '\(field.name)' is declared twice"))
            }
            if field.type.scalar == nil || field.type == .bytes {
                errors.append(
                    DefinitionError(
                        object: object, field: path, "request field '\(field.name)' must be a scalar, not \(field.type)"
                    ))
            }
        }
        let environment = ExpressionEnvironment(requestFields: requestTypes, features: featureTypes)
        var seen = Set<String>()
        for (index, feature) in view.features.enumerated() {
            let path = "features[\(index)]"
            errors += Self.nameErrors(feature.name, object: object, field: path)
            if !seen.insert(feature.name).inserted {
                errors.append(
                    DefinitionError(object: object, field: path, "feature '\(feature.name)' is declared twice"))
            }
            do {
                let type = try feature.expression.type(in: environment)
                if type != feature.type {
                    errors.append(
                        DefinitionError(
                            object: object, field: "\(path).type",
                            "feature '\(feature.name)' is declared \(feature.type), but its expression '\(feature.expression)' is \(type); declare \(type) or cast"
                        ))
                }
            } catch {
                errors.append(
                    DefinitionError(object: object, field: "\(path).expression", "feature '\(feature.name)': \(error)"))
            }
        }
        return errors
    }

    /// On-demand features that read themselves, directly or through other on-demand features.
    private func cycleErrors() -> [DefinitionError] {
        var dependencies: [FeatureReference: [FeatureReference]] = [:]
        var order: [FeatureReference] = []
        for view in onDemandFeatureViews {
            for feature in view.features {
                let reference = FeatureReference(view: view.name, feature: feature.name)
                order.append(reference)
                dependencies[reference] = feature.expression.featureReferences.filter(isOnDemand)
            }
        }
        var errors: [DefinitionError] = []
        var finished = Set<FeatureReference>()
        var reported = Set<FeatureReference>()
        func visit(_ reference: FeatureReference, path: [FeatureReference]) {
            if let start = path.firstIndex(of: reference) {
                let cycle = path[start...] + [reference]
                if reported.insert(reference).inserted {
                    errors.append(
                        DefinitionError(
                            object: "on-demand feature view '\(reference.view)'",
                            field: "features '\(reference.feature)'",
                            "the feature depends on itself: \(cycle.map(\.description).joined(separator: " -> "))"))
                }
                return
            }
            guard !finished.contains(reference) else { return }
            for next in dependencies[reference] ?? [] { visit(next, path: path + [reference]) }
            finished.insert(reference)
        }
        for reference in order { visit(reference, path: []) }
        return errors
    }
}
