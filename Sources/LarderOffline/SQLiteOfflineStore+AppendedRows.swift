internal import LarderCore
import LarderStores

extension SQLiteOfflineStore {
    /// Copies a view's appended rows (those after its source file's rows) from its current
    /// data table into a new one that holds the file's rows, keeping their order after them.
    ///
    /// Rows are matched to the new definition by column name: join keys must be the same
    /// names and types (otherwise the rows cannot be placed and are dropped, with a warning);
    /// a feature kept with the same type is copied, any other feature is null.
    /// - Parameters:
    ///   - existing: the view's current catalog entry.
    ///   - layout: the new data table (not yet indexed).
    ///   - sourceRows: how many rows the new table holds from the file.
    /// - Returns: the number of rows copied.
    /// - Throws: ``SQLiteError`` when the store cannot be read or written.
    func carryAppendedRows(of existing: CatalogEntry, into layout: DataTableLayout, after sourceRows: Int) throws -> Int
    {
        let appended = existing.rowCount - existing.sourceRowCount
        guard appended > 0 else { return 0 }
        let old = existing.definition
        let new = layout.definition
        guard old.joinKeys.count == new.joinKeys.count,
            zip(old.joinKeys, new.joinKeys).allSatisfy({ $0.name == $1.name && $0.type == $1.type })
        else {
            logger.warning(
                "dropping appended rows: the view's join keys changed",
                metadata: ["feature_view.name": "\(existing.view)", "rows.count": "\(appended)"])
            return 0
        }
        let keys = new.joinKeys.map(\.name.quotedIdentifier)
        let times = [DataTableLayout.eventColumn, DataTableLayout.createdColumn]
        let sequence = DataTableLayout.sequenceColumn
        let features = new.features.map { feature in
            old.features.contains { $0.name == feature.name && $0.type == feature.type }
                ? feature.name.quotedIdentifier : "NULL"
        }
        let targets = keys + times + [sequence] + new.features.map(\.name.quotedIdentifier)
        let selected = keys + times + ["\(sequence) - ?1 + ?2"] + features
        let copy = try connection.prepare(
            """
            INSERT INTO main.\(layout.table.quotedIdentifier) (\(targets.joined(separator: ", "))) \
            SELECT \(selected.joined(separator: ", ")) FROM main.\(existing.dataTable.quotedIdentifier) \
            WHERE \(sequence) > ?1 ORDER BY \(sequence)
            """)
        try copy.bind(Int64(existing.sourceRowCount), at: 1)
        try copy.bind(Int64(sourceRows), at: 2)
        try copy.run()
        logger.debug(
            "kept appended rows", metadata: ["feature_view.name": "\(existing.view)", "rows.count": "\(appended)"])
        return appended
    }
}
