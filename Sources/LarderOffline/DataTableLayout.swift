internal import LarderCore
import LarderStores

/// How a feature view's rows are laid out in SQLite, and the SQL that reads and writes them.
///
/// A data table is clustered in point-in-time order: a `WITHOUT ROWID` table whose primary
/// key is (join keys, event time, creation time, ingestion sequence), so the rows of one key
/// sit together, oldest first, and the table is its own point-in-time index. A search in it
/// finds an entity's winner with its features; a backward scan of it meets each key's rows
/// newest first, features included. The sequence numbers rows in the order they were stored
/// (the file's rows from 1, appended rows after), so "ingested last" is "greatest sequence".
/// Times are nanoseconds since the epoch; a missing creation time is stored as
/// ``missingCreatedTime``, the smallest value, so such rows lose creation-time ties.
struct DataTableLayout {
    /// The data table's name.
    let table: String
    /// The definition the table was created from.
    let definition: StoredDefinition

    /// The column holding each row's event time.
    static let eventColumn = OfflineTable.reservedPrefix + "event_ts"
    /// The column holding each row's creation time.
    static let createdColumn = OfflineTable.reservedPrefix + "created_ts"
    /// The column holding each row's ingestion sequence: 1, 2, ... in the order rows were stored.
    static let sequenceColumn = OfflineTable.reservedPrefix + "seq"
    /// The stored creation time of a row without one.
    static let missingCreatedTime = Int64.min

    /// A name for a new data table of a feature view, unique by the time it is made.
    /// - Parameter view: the feature view's name.
    static func newTableName(for view: String) -> String {
        "larder_fv_\(view.identifierSafe)_\(String(Timestamp.now.nanosecondsSinceEpoch, radix: 36))"
    }

    /// The SQL type that stores values of a declared type.
    static func sqlType(_ type: ValueType) -> String {
        switch type {
        case .bool, .int32, .int64, .timestamp: "INTEGER"
        case .float32, .float64: "REAL"
        case .string: "TEXT"
        case .bytes, .list: "BLOB"
        }
    }

    /// The primary key's columns, in point-in-time order.
    var pointInTimeOrder: [String] {
        definition.joinKeys.map(\.name.quotedIdentifier) + [Self.eventColumn, Self.createdColumn, Self.sequenceColumn]
    }

    /// `CREATE TABLE` for the data table: strict, so SQLite checks the types too, and
    /// clustered on the point-in-time order.
    var createTableSQL: String {
        let keys = definition.joinKeys.map { "\($0.name.quotedIdentifier) \(Self.sqlType($0.type)) NOT NULL" }
        let times = [
            "\(Self.eventColumn) INTEGER NOT NULL", "\(Self.createdColumn) INTEGER NOT NULL",
            "\(Self.sequenceColumn) INTEGER NOT NULL",
        ]
        let features = definition.features.map { "\($0.name.quotedIdentifier) \(Self.sqlType($0.type))" }
        let columns = (keys + times + features).joined(separator: ", ")
        return """
            CREATE TABLE main.\(table.quotedIdentifier) (\(columns), \
            PRIMARY KEY (\(pointInTimeOrder.joined(separator: ", ")))) STRICT, WITHOUT ROWID
            """
    }

    /// `INSERT` of one row: keys, event time, creation time (NULL for none), sequence,
    /// features, as parameters 1...
    var insertSQL: String { insertSQL(into: "main.\(table.quotedIdentifier)") }

    /// ``insertSQL`` into another table of the same columns.
    /// - Parameter target: the qualified, quoted table name.
    func insertSQL(into target: String) -> String {
        let keyCount = definition.joinKeys.count
        let parameters = (1...(keyCount + 3 + definition.features.count)).map { index in
            index == keyCount + 2 ? "coalesce(?\(index), \(Self.missingCreatedTime))" : "?\(index)"
        }
        return "INSERT INTO \(target) VALUES (\(parameters.joined(separator: ", ")))"
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

    /// Every row with `?1 <= event time <= ?2`, newest first within each key, keys
    /// descending (a backward scan of the table): the join keys, the event time, (with
    /// `created`) the creation time, then the given features.
    /// - Parameters:
    ///   - features: the features to select, by Larder name.
    ///   - created: whether to select the creation time.
    func descendingScanSQL(features: [String], created: Bool) -> String {
        let selected =
            definition.joinKeys.map(\.name.quotedIdentifier) + [Self.eventColumn]
            + (created ? [Self.createdColumn] : []) + features.map(\.quotedIdentifier)
        return """
            SELECT \(selected.joined(separator: ", ")) FROM main.\(table.quotedIdentifier) \
            WHERE \(Self.eventColumn) BETWEEN ?1 AND ?2 \
            ORDER BY \(pointInTimeOrder.map { $0 + " DESC" }.joined(separator: ", "))
            """
    }

    /// Every row with `?1 <= event time <= ?2` in sequence order (SQLite sorts them): the
    /// join keys, the event and creation times, then the features.
    var sequentialScanSQL: String { scanSQL(orderedBy: [Self.sequenceColumn]) }

    /// ``sequentialScanSQL``'s rows in the table's own order, (join keys, event time,
    /// creation time, sequence): a forward scan, with no sort.
    var clusteredScanSQL: String { scanSQL(orderedBy: pointInTimeOrder) }

    /// Every row with `?1 <= event time <= ?2` in the given order: the join keys, the event
    /// and creation times, then the features.
    private func scanSQL(orderedBy order: [String]) -> String {
        let selected =
            definition.joinKeys.map(\.name.quotedIdentifier) + [Self.eventColumn, Self.createdColumn]
            + definition.features.map(\.name.quotedIdentifier)
        return """
            SELECT \(selected.joined(separator: ", ")) FROM main.\(table.quotedIdentifier) \
            WHERE \(Self.eventColumn) BETWEEN ?1 AND ?2 ORDER BY \(order.joined(separator: ", "))
            """
    }

    /// `CREATE TEMP TABLE` for rows on their way into the data table: its columns, without
    /// constraints or order (rows are checked as they are loaded).
    /// - Parameter staging: the temporary table's name.
    func createStagingSQL(_ staging: String) -> String {
        "CREATE TEMP TABLE \(staging.quotedIdentifier) AS SELECT * FROM main.\(table.quotedIdentifier) WHERE 0"
    }

    /// Moves the rows of a staging table into the data table in point-in-time order, so
    /// SQLite sorts them once and fills the table's pages in order.
    /// - Parameter staging: the temporary table's name.
    func insertSortedSQL(from staging: String) -> String {
        """
        INSERT INTO main.\(table.quotedIdentifier) SELECT * FROM temp.\(staging.quotedIdentifier) \
        ORDER BY \(pointInTimeOrder.joined(separator: ", "))
        """
    }
}
