internal import LarderCore

/// How a feature view's rows are laid out in SQLite, and the SQL that reads and writes them.
///
/// A data table has the join keys, the event and creation timestamps (nanoseconds since the
/// epoch, `NULL` when there is no creation timestamp), then the features, all under their
/// Larder names. The rowid is the ingestion order, so "ingested last" is "greatest rowid".
/// One index on (join keys, event time, creation time) — rowid is implied — serves the
/// point-in-time lookup and the latest-row scan.
struct DataTableLayout {
    /// The table's name.
    let table: String
    /// The definition the table was created from.
    let definition: StoredDefinition

    /// The column holding each row's event time.
    static let eventColumn = OfflineTable.reservedPrefix + "event_ts"
    /// The column holding each row's creation time.
    static let createdColumn = OfflineTable.reservedPrefix + "created_ts"

    /// The index serving lookups.
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

    /// `CREATE TABLE` for the data table (a strict table, so SQLite checks the types too).
    var createTableSQL: String {
        let keys = definition.joinKeys.map { "\($0.name.quotedIdentifier) \(Self.sqlType($0.type)) NOT NULL" }
        let times = ["\(Self.eventColumn) INTEGER NOT NULL", "\(Self.createdColumn) INTEGER"]
        let features = definition.features.map { "\($0.name.quotedIdentifier) \(Self.sqlType($0.type))" }
        return "CREATE TABLE \(table.quotedIdentifier) (\((keys + times + features).joined(separator: ", "))) STRICT"
    }

    /// `CREATE INDEX` for the lookup index; built after the bulk load, which is faster.
    var createIndexSQL: String {
        "CREATE INDEX \(indexName.quotedIdentifier) ON \(table.quotedIdentifier) (\(indexColumns.joined(separator: ", ")))"
    }

    /// `INSERT` of one row: keys, event time, creation time, features, as parameters 1...
    var insertSQL: String {
        let count = definition.joinKeys.count + 2 + definition.features.count
        let parameters = (1...count).map { "?\($0)" }.joined(separator: ", ")
        return "INSERT INTO \(table.quotedIdentifier) VALUES (\(parameters))"
    }

    /// The visible winner for one entity: keys bound to `?1...?k`, the entity's time to
    /// `?k+1` and the lower bound of the lookback window to `?k+2`; selects the features.
    /// - Parameter features: the features to select, by Larder name.
    func lookupSQL(features: [String]) -> String {
        let keyCount = definition.joinKeys.count
        let keys = definition.joinKeys.enumerated().map { "\($1.name.quotedIdentifier) = ?\($0 + 1)" }
        let selected = features.isEmpty ? "1" : features.map(\.quotedIdentifier).joined(separator: ", ")
        return """
            SELECT \(selected) FROM \(table.quotedIdentifier) INDEXED BY \(indexName.quotedIdentifier) \
            WHERE \(keys.joined(separator: " AND ")) \
            AND \(Self.eventColumn) <= ?\(keyCount + 1) AND \(Self.eventColumn) >= ?\(keyCount + 2) \
            ORDER BY \(Self.eventColumn) DESC, \(Self.createdColumn) DESC, rowid DESC LIMIT 1
            """
    }

    /// Every row with `?1 <= event time <= ?2`, read from the index alone, in descending
    /// (keys, event time, creation time, rowid) order, so the first row of each key is its
    /// winner. Selects the rowid, then the keys.
    var latestScanSQL: String {
        let keys = definition.joinKeys.map(\.name.quotedIdentifier)
        return """
            SELECT rowid, \(keys.joined(separator: ", ")) FROM \(table.quotedIdentifier) \
            INDEXED BY \(indexName.quotedIdentifier) \
            WHERE \(Self.eventColumn) BETWEEN ?1 AND ?2 \
            ORDER BY \((indexColumns + ["rowid"]).map { $0 + " DESC" }.joined(separator: ", "))
            """
    }

    /// One row by rowid (`?1`): event time, creation time, then every feature.
    var rowByIDSQL: String {
        let columns = [Self.eventColumn, Self.createdColumn] + definition.features.map(\.name.quotedIdentifier)
        return "SELECT \(columns.joined(separator: ", ")) FROM \(table.quotedIdentifier) WHERE rowid = ?1"
    }

    private var indexColumns: [String] {
        definition.joinKeys.map(\.name.quotedIdentifier) + [Self.eventColumn, Self.createdColumn]
    }
}
