import Foundation
import LarderCore
import LarderFormats

extension FeatureStore {
    /// Gives every aggregation of an aggregation view the type of the event column it reads:
    /// the declared `column_type` when the file agrees, else the file's type. A push source
    /// whose file does not exist yet needs declared types.
    /// - Parameters:
    ///   - view: the view; a view of stored features is returned as it is.
    ///   - manifest: the definitions the view belongs to.
    ///   - schemas: source schemas already read.
    /// - Returns: the view with its column types, and every problem found (a missing column,
    ///   a type the file contradicts or the function cannot aggregate).
    func resolvingEventColumnTypes(
        of view: FeatureView, manifest: Manifest, schemas: inout SourceSchemaCache
    ) -> (FeatureView, [DefinitionError]) {
        guard var aggregations = view.aggregations, let source = manifest.source(named: view.source) else {
            return (view, [])
        }
        let file = source.fileSource
        let object = "feature view '\(view.name)'"
        var schema: TableSchema?
        if FileManager.default.fileExists(atPath: path(of: file)) {
            let keys = view.entities.compactMap { manifest.entity(named: $0) }.flatMap(\.joinKeys)
            let declared =
                keys.map { Field($0.name, $0.type) }
                + view.eventColumns.filter { column in
                    aggregations.contains { $0.column == column.name && $0.columnType != nil }
                }
            let key = SourceSchemaCache.Key(source: file, declared: declared)
            do {
                schema = try schemas.schemas[key] ?? readSchema(of: file, declared: declared)
                schemas.schemas[key] = schema
            } catch {
                return (view, [DefinitionError(object: "source '\(file.name)'", field: "path", "cannot read \(error)")])
            }
        }
        var errors: [DefinitionError] = []
        for index in aggregations.indices {
            guard let name = aggregations[index].column else { continue }
            let field = "aggregations[\(index)].column"
            let declared = aggregations[index].columnType
            guard let schema else {
                // A file source's missing file is reported with the other source checks.
                if declared == nil, case .push = source {
                    errors.append(
                        DefinitionError(
                            object: object, field: field,
                            "\(file.path) does not exist yet, so the type of '\(name)' is unknown; declare its column_type"
                        ))
                }
                continue
            }
            let columnName = file.sourceColumn(for: name)
            guard let column = schema[columnName] else {
                errors.append(
                    DefinitionError(
                        object: object, field: field,
                        "event column '\(columnName)' is missing from \(file.path) (columns: \(schema.columns.map(\.name).joined(separator: ", ")))"
                    ))
                continue
            }
            guard let fileType = column.type.valueType else {
                errors.append(
                    DefinitionError(
                        object: object, field: field,
                        "\(file.path) has \(column.type) in '\(columnName)', which Larder cannot read"))
                continue
            }
            if let declared, !declared.accepts(fileType) {
                errors.append(
                    DefinitionError(
                        object: object, field: field,
                        "'\(name)' is declared \(declared) but \(file.path) has \(column.type)"))
                continue
            }
            aggregations[index].columnType = declared ?? fileType
        }
        for (index, aggregation) in aggregations.enumerated() {
            guard let name = aggregation.column, let type = aggregation.columnType else { continue }
            if !aggregation.function.accepts(type) {
                errors.append(
                    DefinitionError(
                        object: object, field: "aggregations[\(index)].column",
                        "\(aggregation.function.rawValue) cannot aggregate '\(name)' of type \(type); it takes \(aggregation.function.acceptedTypes)"
                    ))
            }
            if let other = aggregations.first(where: { $0.column == name && $0.columnType != type }) {
                errors.append(
                    DefinitionError(
                        object: object, field: "aggregations[\(index)].column_type",
                        "'\(name)' is declared both \(type) and \(other.columnType.map { "\($0)" } ?? "untyped")"))
            }
        }
        var resolved = view
        resolved.aggregations = aggregations
        return (resolved, errors)
    }
}
