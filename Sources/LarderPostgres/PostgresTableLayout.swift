internal import LarderCore
internal import LarderStores

/// How a feature view's rows are laid out in a PostgreSQL table, and the SQL that reads and
/// writes them.
///
/// Columns: the join keys (by their Larder names, `NOT NULL`), `_larder_event_ts`,
/// `_larder_created_ts`, `_larder_seq`, then the features (by name). Times are `bigint`
/// nanoseconds since the epoch, exactly as Larder holds them; a missing creation time is the
/// smallest `bigint`, so such rows lose creation-time ties. `_larder_seq` numbers rows in
/// ingestion order (file rows first, appended rows after), so "stored last" is "greatest
/// sequence". One B-tree index on (join keys, event time, creation time, sequence) is exactly
/// the point-in-time order: a backward scan of one key's range finds its winner first.
struct PostgresTableLayout {
    /// The data table's name (unquoted; lower case, digits and underscores).
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

    /// A layout for a new data table of a view, named after the view and the current time.
    /// - Parameters:
    ///   - view: the feature view's name.
    ///   - definition: what the table holds.
    static func new(for view: String, definition: StoredDefinition) -> PostgresTableLayout {
        let stamp = String(Timestamp.now.nanosecondsSinceEpoch, radix: 36)
        return PostgresTableLayout(
            table: "larder_fv_\(view.postgresNameFragment(limit: 32))_\(stamp)", definition: definition)
    }

    /// The quoted table name.
    var quotedTable: String { table.quotedPostgresIdentifier }

    /// The SQL type that stores values of a declared type: lists are `bytea` in the offline
    /// stores' list encoding (``ListValueCodec``), timestamps nanoseconds.
    static func sqlType(_ type: ValueType) -> String {
        switch type {
        case .bool: "boolean"
        case .int32: "integer"
        case .int64, .timestamp: "bigint"
        case .float32: "real"
        case .float64: "double precision"
        case .string: "text"
        case .bytes, .list: "bytea"
        }
    }

    /// `CREATE TABLE` for the data table; its columns are in the order COPY writes them.
    var createTableSQL: String {
        let keys = definition.joinKeys.map { "\($0.name.quotedPostgresIdentifier) \(Self.sqlType($0.type)) NOT NULL" }
        let times = [
            "\(Self.eventColumn) bigint NOT NULL", "\(Self.createdColumn) bigint NOT NULL",
            "\(Self.sequenceColumn) bigint NOT NULL",
        ]
        let features = definition.features.map { "\($0.name.quotedPostgresIdentifier) \(Self.sqlType($0.type))" }
        return "CREATE TABLE \(quotedTable) (\((keys + times + features).joined(separator: ", ")))"
    }

    /// `CREATE INDEX` in point-in-time order; built after the rows are loaded, which is faster.
    var createIndexSQL: String {
        let columns =
            definition.joinKeys.map(\.name.quotedPostgresIdentifier) + [
                Self.eventColumn, Self.createdColumn, Self.sequenceColumn,
            ]
        return
            "CREATE INDEX \((table + "_pit").quotedPostgresIdentifier) ON \(quotedTable) (\(columns.joined(separator: ", ")))"
    }

    /// The winner per key among rows with `start <= event time <= end`: keys, event time,
    /// creation time, then every feature, keys descending (a backward scan of the index).
    func latestRowsSQL(start: Int64, end: Int64) -> String {
        let keys = definition.joinKeys.map(\.name.quotedPostgresIdentifier)
        let order = (keys + [Self.eventColumn, Self.createdColumn, Self.sequenceColumn]).map { $0 + " DESC" }
        let selected =
            keys + [Self.eventColumn, Self.createdColumn] + definition.features.map(\.name.quotedPostgresIdentifier)
        return """
            SELECT DISTINCT ON (\(keys.joined(separator: ", "))) \(selected.joined(separator: ", ")) \
            FROM \(quotedTable) WHERE \(Self.eventColumn) BETWEEN \(start) AND \(end) \
            ORDER BY \(order.joined(separator: ", "))
            """
    }

    /// Every row with `start <= event time <= end` in sequence order: keys, event time,
    /// creation time, then every feature.
    func scanRowsSQL(start: Int64, end: Int64) -> String {
        let selected =
            definition.joinKeys.map(\.name.quotedPostgresIdentifier) + [Self.eventColumn, Self.createdColumn]
            + definition.features.map(\.name.quotedPostgresIdentifier)
        return """
            SELECT \(selected.joined(separator: ", ")) FROM \(quotedTable) \
            WHERE \(Self.eventColumn) BETWEEN \(start) AND \(end) ORDER BY \(Self.sequenceColumn)
            """
    }

    /// Copies another data table's appended rows (sequence above `sourceRows` there) into
    /// this one, renumbered after `newSourceRows`: keys and times as they were, each feature
    /// from the old column of the same name and type, or null.
    /// - Parameters:
    ///   - old: the old data table.
    ///   - sourceRows: how many of the old table's rows came from the file.
    ///   - newSourceRows: how many of this table's rows came from the file.
    func carrySQL(from old: PostgresTableLayout, sourceRows: Int, newSourceRows: Int) -> String {
        let keys = definition.joinKeys.map(\.name.quotedPostgresIdentifier)
        let features = definition.features.map { feature in
            old.definition.features.contains { $0.name == feature.name && $0.type == feature.type }
                ? feature.name.quotedPostgresIdentifier : "NULL"
        }
        let selected =
            keys + [Self.eventColumn, Self.createdColumn, "\(Self.sequenceColumn) - \(sourceRows) + \(newSourceRows)"]
            + features
        return """
            INSERT INTO \(quotedTable) SELECT \(selected.joined(separator: ", ")) FROM \(old.quotedTable) \
            WHERE \(Self.sequenceColumn) > \(sourceRows) ORDER BY \(Self.sequenceColumn)
            """
    }

    /// Checks that every column name survives PostgreSQL's 63-byte identifier limit.
    /// - Parameter view: the feature view's name, for the message.
    /// - Throws: ``OfflineStoreError`` (`invalidDefinition`) naming the column.
    static func checkNames(of table: OfflineTable) throws {
        for column in table.joinKeys + table.features where column.name.utf8.count > postgresIdentifierLimit {
            throw OfflineStoreError(
                .invalidDefinition,
                "feature view '\(table.name)': '\(column.name)' is longer than PostgreSQL's \(postgresIdentifierLimit)-byte column names; shorten it to use the postgres offline store"
            )
        }
    }
}
