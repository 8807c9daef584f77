internal import LarderCore
internal import LarderFormats
import LarderStores

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
    init(
        entities: any TableReader, timestampColumn: String, requests: [FeatureRequest], store: SQLiteOfflineStore
    ) throws {
        let entries = try requests.map { try store.currentEntry(for: $0.table) }
        outputSchema = try JoinOutputSchema.make(
            entities: entities.schema, file: entities.path, timestampColumn: timestampColumn,
            views: zip(requests, entries).map {
                JoinOutputSchema.StoredView(
                    request: $0, joinKeys: $1.definition.joinKeys, features: $1.definition.features)
            })
        layouts = entries.map { DataTableLayout(table: $0.dataTable, definition: $0.definition) }
        rowCounts = entries.map(\.rowCount)
    }
}
