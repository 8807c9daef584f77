internal import LarderCore
internal import LarderFormats

/// A point-in-time join checked against the entity rows' schema and the store: where each
/// view's rows are, and the output's columns.
struct JoinPlan {
    /// Each request's data table, in request order.
    let layouts: [DataTableLayout]
    /// Each request's number of stored rows, in request order.
    let rowCounts: [Int]
    /// The entity columns, then the requested features.
    let outputSchema: TableSchema

    /// Checks a join before any row is read.
    /// - Parameters:
    ///   - entities: the entity rows.
    ///   - timestampColumn: the entity rows' timestamp column.
    ///   - requests: the feature views and features.
    ///   - store: the store holding the views.
    /// - Throws: ``OfflineStoreError`` naming the entity column missing or of the wrong type,
    ///   the view not ingested or ingested from another definition, the unknown feature, or
    ///   the two sources of a clashing output name.
    init(entities: any TableReader, timestampColumn: String, requests: [FeatureRequest], store: OfflineStore) throws {
        let schema = entities.schema
        let file = entities.path
        guard let time = schema[timestampColumn] else {
            throw OfflineStoreError(
                .invalidRequest,
                "\(file): no timestamp column '\(timestampColumn)'; the file has \(schema.columns.map(\.name).joined(separator: ", "))"
            )
        }
        guard time.type.valueType == .timestamp else {
            throw OfflineStoreError(
                .invalidRequest, "\(file): column '\(timestampColumn)' is \(time.type); expected timestamps")
        }
        var owners: [String: String] = [:]
        for column in schema.columns { owners[column.name] = "the entity rows" }
        var layouts: [DataTableLayout] = []
        var rowCounts: [Int] = []
        var features: [ColumnSchema] = []
        for request in requests {
            let entry = try store.currentEntry(for: request.table)
            let view = request.table.name
            for key in entry.definition.joinKeys {
                guard let column = schema[key.name] else {
                    throw OfflineStoreError(
                        .invalidRequest, "\(file): no join key column '\(key.name)', which feature view '\(view)' needs")
                }
                guard let type = column.type.valueType, key.type.joins(with: type) else {
                    throw OfflineStoreError(
                        .invalidRequest,
                        "\(file): join key column '\(key.name)' is \(column.type), but feature view '\(view)' joins on it as \(key.type)"
                    )
                }
            }
            for feature in request.features {
                guard let declared = entry.definition.features.first(where: { $0.name == feature.name }) else {
                    throw OfflineStoreError(.notFound, "feature view '\(view)' has no feature '\(feature.name)'")
                }
                let owner = "feature view '\(view)'"
                if let previous = owners.updateValue(owner, forKey: feature.outputName) {
                    throw OfflineStoreError(
                        .invalidRequest,
                        "output column '\(feature.outputName)' would come from both \(previous) and \(owner); request full feature names or rename one"
                    )
                }
                features.append(
                    ColumnSchema(
                        name: feature.outputName, type: FeatureColumnBuilder.columnType(for: declared.type),
                        nullable: true))
            }
            layouts.append(DataTableLayout(table: entry.dataTable, definition: entry.definition))
            rowCounts.append(entry.rowCount)
        }
        self.layouts = layouts
        self.rowCounts = rowCounts
        outputSchema = TableSchema(columns: schema.columns + features)
    }
}
