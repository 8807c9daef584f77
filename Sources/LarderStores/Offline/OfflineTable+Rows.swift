package import LarderCore

extension OfflineTable {
    /// Checks every row's shape and types before anything is written.
    /// - Parameter rows: the rows to append.
    /// - Throws: ``OfflineStoreError`` (`invalidRequest`) naming the view, row and column.
    package func check(_ rows: [StoredRow]) throws {
        for (number, row) in rows.enumerated() {
            guard row.joinKeys.count == joinKeys.count, row.features.count == features.count else {
                throw OfflineStoreError(
                    .invalidRequest,
                    "feature view '\(name)', row \(number): expected \(joinKeys.count) keys and \(features.count) features, got \(row.joinKeys.count) and \(row.features.count)"
                )
            }
            for (key, value) in zip(joinKeys, row.joinKeys) where value.isNull || !value.conforms(to: key.type) {
                throw OfflineStoreError(
                    .invalidRequest,
                    "feature view '\(name)', row \(number): join key '\(key.name)' must be a non-null \(key.type), got \(value)"
                )
            }
            for (feature, value) in zip(features, row.features) where !value.conforms(to: feature.type) {
                throw OfflineStoreError(
                    .invalidRequest,
                    "feature view '\(name)', row \(number): feature '\(feature.name)' must be \(feature.type), got \(value)"
                )
            }
        }
    }
}
