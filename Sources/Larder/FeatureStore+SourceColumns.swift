import Foundation
public import LarderCore
import LarderFormats

extension FeatureStore {
    /// The absolute path of a source's file.
    /// - Parameter source: the file source.
    /// - Returns: the path, resolved against the repository.
    public func path(of source: FileSource) -> String { resolve(source.path) }

    /// Checks that a view's source file has its join keys, timestamps and features, with
    /// types that fit. A push source's file may not exist yet; a file source's must.
    func sourceColumnErrors(
        view: FeatureView, manifest: Manifest, schemas: inout SourceSchemaCache
    ) -> [DefinitionError] {
        guard let source = manifest.source(named: view.source) else { return [] }
        let file = source.fileSource
        let path = path(of: file)
        let object = "feature view '\(view.name)'"
        guard FileManager.default.fileExists(atPath: path) else {
            if case .push = source { return manifest.expectationColumnErrors(view: view, fileColumns: []) }
            return [DefinitionError(object: "source '\(file.name)'", field: "path", "file not found: \(path)")]
        }
        let schema: TableSchema
        do {
            let keys = view.entities.compactMap { manifest.entity(named: $0) }.flatMap(\.joinKeys)
            let declared = keys.map { Field($0.name, $0.type) } + view.storedColumns
            let key = SourceSchemaCache.Key(source: file, declared: declared)
            if let cached = schemas.schemas[key] {
                schema = cached
            } else {
                schema = try readSchema(of: file, declared: declared)
                schemas.schemas[key] = schema
            }
        } catch {
            return [DefinitionError(object: "source '\(file.name)'", field: "path", "cannot read \(path): \(error)")]
        }
        var errors: [DefinitionError] = []
        func requireColumn(_ name: String, field: String, role: String) -> ColumnSchema? {
            let column = file.sourceColumn(for: name)
            guard let found = schema[column] else {
                errors.append(
                    DefinitionError(
                        object: object, field: field,
                        "\(role) column '\(column)' is missing from \(file.path) (columns: \(schema.columns.map(\.name).joined(separator: ", ")))"
                    ))
                return nil
            }
            return found
        }
        let keys = view.entities.compactMap { manifest.entity(named: $0) }.flatMap(\.joinKeys)
        for key in keys {
            if let column = requireColumn(key.name, field: "entities", role: "join key"),
                let fileType = column.type.valueType, !key.type.accepts(fileType)
            {
                errors.append(
                    DefinitionError(
                        object: object, field: "entities",
                        "join key '\(key.name)' is \(key.type) but \(file.path) has \(column.type)"))
            }
        }
        for (name, field) in [(file.timestampField, "source.timestamp_field")]
            + (file.createdTimestampColumn.map { [($0, "source.created_timestamp_column")] } ?? [])
        {
            if let column = schema[name], column.type.valueType != .timestamp, !isCSV(file) {
                errors.append(
                    DefinitionError(
                        object: object, field: field,
                        "column '\(name)' in \(file.path) is \(column.type), not a timestamp"))
            } else if schema[name] == nil {
                errors.append(
                    DefinitionError(
                        object: object, field: field, "timestamp column '\(name)' is missing from \(file.path)"))
            }
        }
        let role = view.isAggregation ? "event" : "feature"
        for (index, feature) in view.storedColumns.enumerated() {
            let member = Self.member(of: view, column: index)
            if let column = requireColumn(feature.name, field: member, role: role),
                let fileType = column.type.valueType, !feature.type.accepts(fileType)
            {
                errors.append(
                    DefinitionError(
                        object: object, field: member,
                        "feature '\(feature.name)' is declared \(feature.type) but \(file.path) has \(column.type) in column '\(column.name)'"
                    ))
            }
        }
        errors += manifest.expectationColumnErrors(
            view: view, fileColumns: schema.columns.map { ($0.name, $0.type.valueType) })
        if errors.isEmpty, isCSV(file) { errors = csvSampleErrors(view: view, file: file, keys: keys) }
        return errors
    }

    private func isCSV(_ file: FileSource) -> Bool { file.resolvedFormat == .csv }

    /// The file's columns. CSV columns present in the header take their declared types (CSV
    /// has none of its own); the others keep what inference over a sample found.
    /// - Parameters:
    ///   - file: the source file.
    ///   - declared: the join keys and features the definitions declare.
    func readSchema(of file: FileSource, declared fields: [Field]) throws -> TableSchema {
        var schema = try TableFiles.openReader(path: path(of: file), format: file.resolvedFormat).schema
        guard file.resolvedFormat == .csv else { return schema }
        var declared: [String: ColumnType] = [file.timestampField: .timestamp(.microseconds, utcAdjusted: true)]
        if let created = file.createdTimestampColumn {
            declared[created] = .timestamp(.microseconds, utcAdjusted: true)
        }
        for field in fields { declared[file.sourceColumn(for: field.name)] = ColumnType(field.type) }
        for index in schema.columns.indices {
            if let type = declared[schema.columns[index].name] { schema.columns[index].type = type }
        }
        return schema
    }
}

/// Source schemas read during one check, so views sharing a source read its file once.
struct SourceSchemaCache {
    struct Key: Hashable {
        var source: FileSource
        var declared: [Field]
    }

    var schemas: [Key: TableSchema] = [:]
}
