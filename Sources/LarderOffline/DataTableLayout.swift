internal import LarderCore

/// How a feature view's rows are laid out in SQLite, and the SQL that reads and writes them.
///
/// A data table is clustered on (join keys, event time, creation time, ingestion sequence):
/// a `WITHOUT ROWID` table whose primary key is exactly the point-in-time order, so one
/// B-tree search finds an entity's winner with its features, and a scan in key order visits
/// each key's rows newest first with no extra lookups. Times are nanoseconds since the epoch;
/// a missing creation time is stored as ``missingCreatedTime``, the smallest value, so such
/// rows lose creation-time ties. The sequence is the row's position in the source file, so
/// "ingested last" is "greatest sequence".
///
/// Rows are first loaded into a temporary staging table (in file order; its rowid is the
/// sequence), then copied in key order into the data table, which is fast and needs no
/// random B-tree inserts.
struct DataTableLayout {
    /// The data table's name.
    let table: String
    /// The definition the table was created from.
    let definition: StoredDefinition

    /// The column holding each row's event time.
    static let eventColumn = OfflineTable.reservedPrefix + "event_ts"
    /// The column holding each row's creation time.
    static let createdColumn = OfflineTable.reservedPrefix + "created_ts"
    /// The column holding each row's ingestion sequence.
    static let sequenceColumn = OfflineTable.reservedPrefix + "seq"
    /// The stored creation time of a row without one.
    static let missingCreatedTime = Int64.min

    /// The temporary table rows are loaded into before the copy.
    var stagingTable: String { table + "_staging" }

    /// The SQL type that stores values of a declared type.
    static func sqlType(_ type: ValueType) -> String {
        switch type {
        case .bool, .int32, .int64, .timestamp: "INTEGER"
        case .float32, .float64: "REAL"
        case .string: "TEXT"
        case .bytes, .list: "BLOB"
        }
    }

    /// `CREATE TEMP TABLE` for staging: keys, event time, creation time, features.
    var createStagingSQL: String {
        let columns = definition.joinKeys.map(\.name.quotedIdentifier) + [Self.eventColumn, Self.createdColumn]
            + definition.features.map(\.name.quotedIdentifier)
        return "CREATE TEMP TABLE \(stagingTable.quotedIdentifier) (\(columns.joined(separator: ", ")))"
    }

    /// `INSERT` of one staged row: keys, event time, creation time, features, as parameters 1...
    var insertStagingSQL: String {
        let count = definition.joinKeys.count + 2 + definition.features.count
        let parameters = (1...count).map { "?\($0)" }.joined(separator: ", ")
        return "INSERT INTO temp.\(stagingTable.quotedIdentifier) VALUES (\(parameters))"
    }

    /// `CREATE TABLE` for the data table (strict, so SQLite checks the types too).
    var createTableSQL: String {
        let keys = definition.joinKeys.map { "\($0.name.quotedIdentifier) \(Self.sqlType($0.type)) NOT NULL" }
        let order = [
            "\(Self.eventColumn) INTEGER NOT NULL", "\(Self.createdColumn) INTEGER NOT NULL",
            "\(Self.sequenceColumn) INTEGER NOT NULL",
        ]
        let features = definition.features.map { "\($0.name.quotedIdentifier) \(Self.sqlType($0.type))" }
        let primaryKey = "PRIMARY KEY (\(orderColumns.joined(separator: ", ")))"
        return "CREATE TABLE main.\(table.quotedIdentifier) (\((keys + order + features + [primaryKey]).joined(separator: ", "))) WITHOUT ROWID, STRICT"
    }

    /// Copies the staged rows into the data table, in primary-key order.
    var copySQL: String {
        let keys = definition.joinKeys.map(\.name.quotedIdentifier)
        let features = definition.features.map(\.name.quotedIdentifier)
        let selected = keys + [
            Self.eventColumn, "coalesce(\(Self.createdColumn), \(Self.missingCreatedTime))", "rowid",
        ] + features
        let ordered = keys + [Self.eventColumn, "coalesce(\(Self.createdColumn), \(Self.missingCreatedTime))", "rowid"]
        return """
            INSERT INTO main.\(table.quotedIdentifier) SELECT \(selected.joined(separator: ", ")) \
            FROM temp.\(stagingTable.quotedIdentifier) ORDER BY \(ordered.joined(separator: ", "))
            """
    }

    /// The visible winner for one entity: keys bound to `?1...?k`, the entity's time to
    /// `?k+1` and the lower bound of the lookback window to `?k+2`; selects the features.
    /// - Parameter features: the features to select, by Larder name.
    func lookupSQL(features: [String]) -> String {
        let keyCount = definition.joinKeys.count
        let keys = definition.joinKeys.enumerated().map { "\($1.name.quotedIdentifier) = ?\($0 + 1)" }
        let selected = features.isEmpty ? "1" : features.map(\.quotedIdentifier).joined(separator: ", ")
        return """
            SELECT \(selected) FROM main.\(table.quotedIdentifier) \
            WHERE \(keys.joined(separator: " AND ")) \
            AND \(Self.eventColumn) <= ?\(keyCount + 1) AND \(Self.eventColumn) >= ?\(keyCount + 2) \
            ORDER BY \(Self.eventColumn) DESC, \(Self.createdColumn) DESC, \(Self.sequenceColumn) DESC LIMIT 1
            """
    }

    /// The primary key of every row with `?1 <= event time <= ?2`, newest first within each
    /// key, keys descending: join keys, event time, creation time, sequence. Decoding only the
    /// key keeps the scan cheap; features of the rows that matter are fetched by
    /// ``rowByKeySQL(features:)``.
    var descendingKeyScanSQL: String {
        """
        SELECT \(orderColumns.joined(separator: ", ")) FROM main.\(table.quotedIdentifier) \
        WHERE \(Self.eventColumn) BETWEEN ?1 AND ?2 \
        ORDER BY \(orderColumns.map { $0 + " DESC" }.joined(separator: ", "))
        """
    }

    /// The features of the row with a given primary key, bound to `?1...` in
    /// ``descendingKeyScanSQL`` order.
    /// - Parameter features: the features to select, by Larder name.
    func rowByKeySQL(features: [String]) -> String {
        let selected = features.isEmpty ? "1" : features.map(\.quotedIdentifier).joined(separator: ", ")
        let conditions = orderColumns.enumerated().map { "\($1) = ?\($0 + 1)" }
        return "SELECT \(selected) FROM main.\(table.quotedIdentifier) WHERE \(conditions.joined(separator: " AND "))"
    }

    /// The primary key: join keys, event time, creation time, sequence.
    private var orderColumns: [String] {
        definition.joinKeys.map(\.name.quotedIdentifier) + [Self.eventColumn, Self.createdColumn, Self.sequenceColumn]
    }
}
