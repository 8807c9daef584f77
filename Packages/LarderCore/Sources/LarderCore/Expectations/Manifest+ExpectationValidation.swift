import Foundation

extension Manifest {
    /// The problems of a view's expectations that the definitions alone show: bounds out of
    /// order, a bad regular expression, a rule on a column of a type it cannot check.
    ///
    /// A column the view does not declare may be a column of the source file; apply checks it
    /// against the file (``expectationColumnErrors(view:fileColumns:)``).
    /// - Parameter view: the view.
    /// - Returns: the problems, each naming the view and the rule.
    func expectationErrors(in view: FeatureView) -> [DefinitionError] {
        let columns = declaredColumnTypes(of: view)
        return view.expectations.rules.enumerated().flatMap { index, rule in
            Self.errors(in: rule, index: index, view: view.name, columnType: rule.column.flatMap { columns[$0] ?? nil })
        }
    }

    /// The problems of a view's expectations against its source file's columns: a column that
    /// is neither declared by the view nor in the file, or a file column (or an event column
    /// whose type only the file tells) of the wrong type.
    /// - Parameters:
    ///   - view: the view.
    ///   - fileColumns: the source file's columns and their types (`nil` when the file's type
    ///     has no feature type).
    /// - Returns: the problems, each naming the view, the rule and the column.
    public func expectationColumnErrors(
        view: FeatureView, fileColumns: [(name: String, type: ValueType?)]
    )
        -> [DefinitionError]
    {
        let declared = declaredColumnTypes(of: view)
        var errors: [DefinitionError] = []
        for (index, rule) in view.expectations.rules.enumerated() {
            // Declared columns of a known type were checked with the definitions.
            guard let column = rule.column, (declared[column] ?? nil) == nil else { continue }
            guard let found = fileColumns.first(where: { $0.name == column }) else {
                // A declared column missing from the file is reported as the view's own error.
                if declared[column] != nil { continue }
                let known = (Array(declared.keys) + fileColumns.map(\.name)).reduce(into: [String]()) {
                    if !$0.contains($1) { $0.append($1) }
                }
                errors.append(
                    DefinitionError(
                        object: "feature view '\(view.name)'", field: "expectations.rules[\(index)].column",
                        "\(rule.ruleName): unknown column '\(column)'; the view and its source have \(known.sorted().joined(separator: ", "))"
                    ))
                continue
            }
            errors += Self.errors(in: rule, index: index, view: view.name, columnType: found.type)
        }
        return errors
    }

    /// The columns a view declares, by the name expectations use, with their types (`nil`
    /// while an aggregation's event column type is not known yet): join keys, the source's
    /// timestamps, and the features or event columns.
    func declaredColumnTypes(of view: FeatureView) -> [String: ValueType?] {
        var columns: [String: ValueType?] = [:]
        for key in view.entities.compactMap(entity(named:)).flatMap(\.joinKeys) { columns[key.name] = key.type }
        if let file = source(named: view.source)?.fileSource {
            columns[file.timestampField] = .timestamp
            if let created = file.createdTimestampColumn { columns[created] = .timestamp }
        }
        if let aggregations = view.aggregations {
            for aggregation in aggregations {
                guard let column = aggregation.column else { continue }
                if columns[column] == nil || aggregation.columnType != nil { columns[column] = aggregation.columnType }
            }
        } else {
            for feature in view.features { columns[feature.name] = feature.type }
        }
        return columns
    }

    private static func errors(
        in rule: Expectation, index: Int, view: String, columnType: ValueType?
    )
        -> [DefinitionError]
    {
        let object = "feature view '\(view)'"
        let field = "expectations.rules[\(index)]"
        func error(_ member: String, _ message: String) -> DefinitionError {
            DefinitionError(object: object, field: field + member, "\(rule.ruleName): \(message)")
        }
        let on = rule.column.map { " on column '\($0)'" } ?? ""
        var errors: [DefinitionError] = []
        if let column = rule.column, column.isEmpty { errors.append(error(".column", "the column must not be empty")) }
        switch rule.check {
        case .between(let min, let max):
            if !min.isFinite || !max.isFinite { errors.append(error("", "the bounds must be finite numbers")) }
            if min > max { errors.append(error(".min", "min \(min) is greater than max \(max)")) }
            if let columnType, !columnType.isNumeric {
                errors.append(
                    error(".column", "between needs a numeric column, but '\(rule.column ?? "")' is \(columnType)"))
            }
        case .inSet(let values):
            if values.isEmpty { errors.append(error(".values", "the set is empty")) }
            if let columnType {
                for (position, value) in values.enumerated() where !value.fits(columnType) {
                    errors.append(
                        error(".values[\(position)]", "\(value) cannot be a value\(on), which is \(columnType)"))
                }
            }
        case .matches(let pattern):
            do {
                _ = try NSRegularExpression(pattern: pattern)
            } catch _ {
                errors.append(error(".pattern", "'\(pattern)' is not a valid regular expression"))
            }
            if let columnType, columnType != .string {
                errors.append(
                    error(".column", "matches needs a string column, but '\(rule.column ?? "")' is \(columnType)"))
            }
        case .maxNullFraction(let fraction):
            if !(0...1).contains(fraction) { errors.append(error(".fraction", "\(fraction) is not between 0 and 1")) }
        case .rowCount(let min, let max):
            if min == nil, max == nil { errors.append(error("", "give min, max or both")) }
            if let min, min < 0 { errors.append(error(".min", "must not be negative (got \(min))")) }
            if let min, let max, min > max { errors.append(error(".min", "min \(min) is greater than max \(max)")) }
        case .notNull, .unique: break
        }
        return errors
    }
}

extension ExpectedValue {
    /// Whether a column of `type` can hold this value.
    func fits(_ type: ValueType) -> Bool {
        switch (self, type) {
        case (.string, .string), (.integer, .int32), (.integer, .int64), (.bool, .bool): true
        default: false
        }
    }
}
