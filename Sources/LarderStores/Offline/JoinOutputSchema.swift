package import LarderFormats

/// The checks every offline store makes before a point-in-time join reads a row, and the
/// training set's columns: the entity columns, then the requested features.
package enum JoinOutputSchema {
    /// A requested view as stored: its join keys and features.
    package struct StoredView {
        /// The request.
        package var request: FeatureRequest
        /// The join keys as stored.
        package var joinKeys: [OfflineColumn]
        /// The features as stored.
        package var features: [OfflineColumn]

        /// A request with its view's stored columns.
        package init(request: FeatureRequest, joinKeys: [OfflineColumn], features: [OfflineColumn]) {
            self.request = request
            self.joinKeys = joinKeys
            self.features = features
        }
    }

    /// Checks a join and returns its output columns.
    /// - Parameters:
    ///   - schema: the entity rows' columns.
    ///   - file: the entity file, for messages.
    ///   - timestampColumn: the entity rows' timestamp column.
    ///   - views: the requests, in output order, with their views' stored columns.
    /// - Returns: the entity columns, then a column per requested feature.
    /// - Throws: ``OfflineStoreError`` naming the entity column missing or of the wrong type,
    ///   the unknown feature, or the two sources of a clashing output name.
    package static func make(
        entities schema: TableSchema, file: String, timestampColumn: String, views: [StoredView]
    ) throws -> TableSchema {
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
        var features: [ColumnSchema] = []
        for stored in views {
            let view = stored.request.table.name
            for key in stored.joinKeys {
                guard let column = schema[key.name] else {
                    throw OfflineStoreError(
                        .invalidRequest, "\(file): no join key column '\(key.name)', which feature view '\(view)' needs"
                    )
                }
                guard let type = column.type.valueType, key.type.joins(with: type) else {
                    throw OfflineStoreError(
                        .invalidRequest,
                        "\(file): join key column '\(key.name)' is \(column.type), but feature view '\(view)' joins on it as \(key.type)"
                    )
                }
            }
            for feature in stored.request.features {
                guard let declared = stored.features.first(where: { $0.name == feature.name }) else {
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
        }
        return TableSchema(columns: schema.columns + features)
    }
}
