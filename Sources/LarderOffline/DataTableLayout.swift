internal import LarderCore
import LarderStores

/// How a feature view's rows are laid out in SQLite, and the SQL that reads and writes them.
///
/// A data table holds the rows in source-file order: its rowid is the ingestion sequence, so
/// "ingested last" is "greatest rowid", and loading only appends. One index on (join keys,
/// event time, creation time) — the rowid is implied — is exactly the point-in-time order:
/// a search in it finds an entity's winner, and a scan of it (the index alone) meets each
/// key's rows newest first; features are then read by rowid for the rows that win. Times are
/// nanoseconds since the epoch; a missing creation time is stored as ``missingCreatedTime``,
/// the smallest value, so such rows lose creation-time ties.
struct DataTableLayout {
    /// The data table's name.
    let table: String
    /// The definition the table was created from.
    let definition: StoredDefinition

    /// The column holding each row's event time.
    static let eventColumn = OfflineTable.reservedPrefix + "event_ts"
    /// The column holding each row's creation time.
    static let createdColumn = OfflineTable.reservedPrefix + "created_ts"
    /// The column holding each row's ingestion sequence (the rowid).
    static let sequenceColumn = OfflineTable.reservedPrefix + "seq"
    /// The stored creation time of a row without one.
    static let missingCreatedTime = Int64.min

    /// The index in point-in-time order.
    var indexName: String { table + "_pit" }

    /// The SQL type that stores values of a declared type.
    static func sqlType(_ type: ValueType) -> String {
        switch type {
        case .bool, .int32, .int64, .timestamp: "INTEGER"
        case .float32, .float64: "REAL"
        case .string: "TEXT"
        case .bytes, .list: "BLOB"
        }
    }

    /// `CREATE TABLE` for the data table (strict, so SQLite checks the types too).
    var createTableSQL: String {
        let keys = definition.joinKeys.map { "\($0.name.quotedIdentifier) \(Self.sqlType($0.type)) NOT NULL" }
        let times = [
            "\(Self.eventColumn) INTEGER NOT NULL", "\(Self.createdColumn) INTEGER NOT NULL",
            "\(Self.sequenceColumn) INTEGER PRIMARY KEY",
        ]
        let features = definition.features.map { "\($0.name.quotedIdentifier) \(Self.sqlType($0.type))" }
        return
            "CREATE TABLE main.\(table.quotedIdentifier) (\((keys + times + features).joined(separator: ", "))) STRICT"
    }

    /// `CREATE INDEX` in point-in-time order; built after the rows are loaded, which is faster.
    var createIndexSQL: String {
        let columns = definition.joinKeys.map(\.name.quotedIdentifier) + [Self.eventColumn, Self.createdColumn]
        return
            "CREATE INDEX main.\(indexName.quotedIdentifier) ON \(table.quotedIdentifier) (\(columns.joined(separator: ", ")))"
    }

    /// `INSERT` of one row: keys, event time, creation time (NULL for none), sequence,
    /// features, as parameters 1...
    var insertSQL: String {
        let keyCount = definition.joinKeys.count
        let parameters = (1...(keyCount + 3 + definition.features.count)).map { index in
            index == keyCount + 2 ? "coalesce(?\(index), \(Self.missingCreatedTime))" : "?\(index)"
        }
        return "INSERT INTO main.\(table.quotedIdentifier) VALUES (\(parameters.joined(separator: ", ")))"
    }

    /// The visible winner for one entity: keys bound to `?1...?k`, the entity's time to
    /// `?k+1` and the lower bound of the lookback window to `?k+2`; selects the features.
    /// - Parameter features: the features to select, by Larder name.
    func lookupSQL(features: [String]) -> String {
        let keyCount = definition.joinKeys.count
        let keys = definition.joinKeys.enumerated().map { "\($1.name.quotedIdentifier) = ?\($0 + 1)" }
        let selected = features.isEmpty ? "1" : features.map(\.quotedIdentifier).joined(separator: ", ")
        return """
            SELECT \(selected) FROM main.\(table.quotedIdentifier) INDEXED BY \(indexName.quotedIdentifier) \
            WHERE \(keys.joined(separator: " AND ")) \
            AND \(Self.eventColumn) <= ?\(keyCount + 1) AND \(Self.eventColumn) >= ?\(keyCount + 2) \
            ORDER BY \(Self.eventColumn) DESC, \(Self.createdColumn) DESC, \(Self.sequenceColumn) DESC LIMIT 1
            """
    }

    /// From the index alone, every row with `?1 <= event time <= ?2`, newest first within each
    /// key, keys descending: the join keys, then (with `times`) the event and creation times,
    /// then the sequence. Features of the rows that matter are then read by
    /// ``rowBySequenceSQL(features:times:)``.
    /// - Parameter times: whether to select the event and creation times.
    func descendingScanSQL(times: Bool) -> String {
        let keys = definition.joinKeys.map(\.name.quotedIdentifier)
        let order = keys + [Self.eventColumn, Self.createdColumn, Self.sequenceColumn]
        let selected = keys + (times ? [Self.eventColumn, Self.createdColumn] : []) + [Self.sequenceColumn]
        return """
            SELECT \(selected.joined(separator: ", ")) FROM main.\(table.quotedIdentifier) \
            INDEXED BY \(indexName.quotedIdentifier) WHERE \(Self.eventColumn) BETWEEN ?1 AND ?2 \
            ORDER BY \(order.map { $0 + " DESC" }.joined(separator: ", "))
            """
    }

    /// Every row with `?1 <= event time <= ?2` in sequence order, from the table itself: the
    /// join keys, the event and creation times, then the features.
    var sequentialScanSQL: String {
        let selected =
            definition.joinKeys.map(\.name.quotedIdentifier) + [Self.eventColumn, Self.createdColumn]
            + definition.features.map(\.name.quotedIdentifier)
        return """
            SELECT \(selected.joined(separator: ", ")) FROM main.\(table.quotedIdentifier) NOT INDEXED \
            WHERE \(Self.eventColumn) BETWEEN ?1 AND ?2 ORDER BY \(Self.sequenceColumn)
            """
    }

    /// The row with sequence `?1`: (with `times`) its event and creation times, then the
    /// given features.
    /// - Parameters:
    ///   - features: the features to select, by Larder name.
    ///   - times: whether to select the event and creation times first.
    func rowBySequenceSQL(features: [String], times: Bool) -> String {
        let selected = (times ? [Self.eventColumn, Self.createdColumn] : []) + features.map(\.quotedIdentifier)
        let columns = selected.isEmpty ? "1" : selected.joined(separator: ", ")
        return "SELECT \(columns) FROM main.\(table.quotedIdentifier) WHERE \(Self.sequenceColumn) = ?1"
    }
}
