extension Manifest {
    /// Checks that the definitions are consistent with each other: unique names, known
    /// entities, sources, views and features, sensible TTLs and key types.
    ///
    /// Source files are not read here; ``FeatureView`` columns are checked against the files
    /// by the registry before anything is written.
    /// - Returns: every problem found, in definition order; empty when the manifest is valid.
    public func validationErrors() -> [DefinitionError] {
        var errors: [DefinitionError] = []
        errors += duplicateNames(entities.map(\.name), kind: "entity")
        errors += duplicateNames(sources.map(\.name), kind: "source")
        errors += duplicateNames(featureViews.map(\.name), kind: "feature view")
        errors += duplicateNames(featureServices.map(\.name), kind: "feature service")
        errors += entities.flatMap(Self.errors(in:))
        errors += sources.flatMap(Self.errors(in:))
        errors += featureViews.flatMap(errors(in:))
        errors += onDemandValidationErrors()
        errors += featureServices.flatMap(errors(in:))
        return errors
    }

    /// Throws when ``validationErrors()`` finds anything.
    /// - Throws: ``DefinitionErrors`` listing every problem.
    public func validate() throws {
        let errors = validationErrors()
        if !errors.isEmpty { throw DefinitionErrors(errors) }
    }

    func duplicateNames(_ names: [String], kind: String) -> [DefinitionError] {
        var seen = Set<String>()
        var reported = Set<String>()
        var errors: [DefinitionError] = []
        for name in names where !seen.insert(name).inserted && reported.insert(name).inserted {
            errors.append(
                DefinitionError(object: "\(kind) '\(name)'", field: "name", "the name is used by more than one \(kind)")
            )
        }
        return errors
    }

    static func nameErrors(_ name: String, object: String, field: String = "name") -> [DefinitionError] {
        if name.isEmpty { return [DefinitionError(object: object, field: field, "must not be empty")] }
        let allowed = name.unicodeScalars.allSatisfy {
            ($0.properties.isAlphabetic || $0.properties.numericType != nil || "_-.".unicodeScalars.contains($0))
        }
        return allowed
            ? []
            : [
                DefinitionError(
                    object: object, field: field, "'\(name)' may hold only letters, digits, '_', '-' and '.'")
            ]
    }

    private static func errors(in entity: Entity) -> [DefinitionError] {
        let object = "entity '\(entity.name)'"
        var errors = nameErrors(entity.name, object: object)
        if entity.joinKeys.isEmpty {
            errors.append(DefinitionError(object: object, field: "join_keys", "needs at least one join key"))
        }
        var seen = Set<String>()
        for (index, key) in entity.joinKeys.enumerated() {
            let field = "join_keys[\(index)]"
            errors += nameErrors(key.name, object: object, field: field)
            if !seen.insert(key.name).inserted {
                errors.append(DefinitionError(object: object, field: field, "join key '\(key.name)' is listed twice"))
            }
            switch key.type {
            case .int32, .int64, .string, .bytes: break
            default:
                errors.append(
                    DefinitionError(
                        object: object, field: field,
                        "join key type \(key.type) is not supported; use int32, int64, string or bytes"))
            }
        }
        return errors
    }

    private static func errors(in source: DataSource) -> [DefinitionError] {
        let object = "source '\(source.name)'"
        var errors = nameErrors(source.name, object: object)
        let file = source.fileSource
        let prefix = if case .push = source { "batch_source." } else { "" }
        if file.path.isEmpty {
            errors.append(DefinitionError(object: object, field: prefix + "path", "must not be empty"))
        } else if file.resolvedFormat == nil {
            errors.append(
                DefinitionError(
                    object: object, field: prefix + "format",
                    "cannot tell the format of '\(file.path)'; name it .csv or .parquet or set format"))
        }
        if file.timestampField.isEmpty {
            errors.append(DefinitionError(object: object, field: prefix + "timestamp_field", "must not be empty"))
        }
        return errors
    }

    private func errors(in view: FeatureView) -> [DefinitionError] {
        let object = "feature view '\(view.name)'"
        var errors = Self.nameErrors(view.name, object: object)
        if view.entities.isEmpty {
            errors.append(DefinitionError(object: object, field: "entities", "needs at least one entity"))
        }
        var keyNames = Set<String>()
        for (index, name) in view.entities.enumerated() {
            if let entity = entity(named: name) {
                keyNames.formUnion(entity.joinKeys.map(\.name))
            } else {
                errors.append(
                    DefinitionError(
                        object: object, field: "entities[\(index)]",
                        "unknown entity '\(name)'\(Self.known(entities.map(\.name)))"))
            }
        }
        if source(named: view.source) == nil {
            errors.append(
                DefinitionError(
                    object: object, field: "source", "unknown source '\(view.source)'\(Self.known(sources.map(\.name)))"
                ))
        }
        if let ttl = view.ttl, ttl < .zero {
            errors.append(
                DefinitionError(object: object, field: "ttl", "must not be negative (got \(ttl.components.seconds) s)"))
        }
        let member = view.isAggregation ? "aggregations" : "features"
        if view.features.isEmpty {
            errors.append(DefinitionError(object: object, field: member, "needs at least one \(member.dropLast())"))
        }
        if let aggregations = view.aggregations {
            errors += Self.errors(in: aggregations, object: object, keyNames: keyNames)
        }
        errors += expectationErrors(in: view)
        var seen = Set<String>()
        for (index, feature) in view.features.enumerated() {
            let field = "\(member)[\(index)]"
            errors += Self.nameErrors(feature.name, object: object, field: field)
            if !seen.insert(feature.name).inserted {
                errors.append(
                    DefinitionError(object: object, field: field, "feature '\(feature.name)' is declared twice"))
            }
            if keyNames.contains(feature.name) {
                errors.append(
                    DefinitionError(
                        object: object, field: field, "feature '\(feature.name)' has the name of a join key"))
            }
        }
        return errors
    }

    private static func errors(
        in aggregations: [Aggregation], object: String, keyNames: Set<String>
    ) -> [DefinitionError] {
        var errors: [DefinitionError] = []
        for (index, aggregation) in aggregations.enumerated() {
            let field = "aggregations[\(index)]"
            let function = aggregation.function.rawValue
            if aggregation.window.nanoseconds == nil {
                errors.append(
                    DefinitionError(
                        object: object, field: field + ".window",
                        "'\(aggregation.window)' is not a window; write a positive number followed by s, m, h or d (such as 30m, 1h, 7d)"
                    ))
            }
            switch (aggregation.column, aggregation.function.takesColumn) {
            case (let column?, false):
                errors.append(
                    DefinitionError(
                        object: object, field: field + ".column",
                        "\(function) counts events and takes no column (got '\(column)')"))
            case (nil, true):
                errors.append(DefinitionError(object: object, field: field + ".column", "\(function) needs a column"))
            case (let column?, true):
                errors += nameErrors(column, object: object, field: field + ".column")
                if keyNames.contains(column) {
                    errors.append(
                        DefinitionError(
                            object: object, field: field + ".column",
                            "'\(column)' is a join key of the view; aggregate another column"))
                }
                if let type = aggregation.columnType, !aggregation.function.accepts(type) {
                    errors.append(
                        DefinitionError(
                            object: object, field: field + ".column",
                            "\(function) cannot aggregate '\(column)' of type \(type); it takes \(aggregation.function.acceptedTypes)"
                        ))
                }
            case (nil, false): break
            }
        }
        return errors
    }

    private func errors(in service: FeatureService) -> [DefinitionError] {
        let object = "feature service '\(service.name)'"
        var errors = Self.nameErrors(service.name, object: object)
        if service.selections.isEmpty {
            errors.append(DefinitionError(object: object, field: "features", "needs at least one feature view"))
        }
        errors += service.drift?.errors(object: object) ?? []
        for (index, selection) in service.selections.enumerated() {
            guard let names = featureNames(ofView: selection.featureView) else {
                errors.append(
                    DefinitionError(
                        object: object, field: "features[\(index)].feature_view",
                        "unknown feature view '\(selection.featureView)'\(Self.known(allViewNames))"))
                continue
            }
            for (featureIndex, name) in (selection.features ?? []).enumerated() where !names.contains(name) {
                errors.append(
                    DefinitionError(
                        object: object, field: "features[\(index)].features[\(featureIndex)]",
                        "feature view '\(selection.featureView)' has no feature '\(name)'\(Self.known(names))"))
            }
        }
        return errors
    }

    static func known(_ names: [String]) -> String {
        names.isEmpty ? " (none are defined)" : " (known: \(names.joined(separator: ", ")))"
    }
}
