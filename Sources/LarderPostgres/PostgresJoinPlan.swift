internal import LarderCore
internal import LarderFormats
internal import LarderStores

/// The SQL of one point-in-time join and the upload of its entity rows.
///
/// Entity rows go to a temporary table `larder_entities`: their position, their time in
/// nanoseconds, and per requested view its join keys converted to the stored key types (`k<view>_<key>`)
/// and, with a TTL, the earliest visible event time (`lo<view>`). A null time, a null key or a
/// key of no convertible value is uploaded as null and matches nothing. The query takes, per
/// entity row and view, the first row of a backward scan of the view's point-in-time index
/// (`LEFT JOIN LATERAL ... ORDER BY event, created, sequence DESC LIMIT 1`), in entity order.
struct PostgresJoinPlan {
    /// The temporary table of entity rows.
    static let entityTable = "larder_entities"

    private let requests: [FeatureRequest]
    private let layouts: [PostgresTableLayout]
    /// Per request, the stored type of each requested feature.
    let featureTypes: [[ValueType]]

    /// A plan for requests whose views are stored with the given layouts.
    /// - Parameters:
    ///   - requests: the requests (checked by ``JoinOutputSchema`` before).
    ///   - layouts: each request's data table.
    init(requests: [FeatureRequest], layouts: [PostgresTableLayout]) {
        self.requests = requests
        self.layouts = layouts
        featureTypes = zip(requests, layouts).map { request, layout in
            request.features.map { feature in layout.definition.features.first { $0.name == feature.name }!.type }
        }
    }

    /// `CREATE TEMPORARY TABLE` for the entity rows, dropped when the transaction ends.
    var createEntityTableSQL: String {
        var columns = ["_larder_row bigint NOT NULL", "_larder_ts bigint"]
        for (view, request) in requests.enumerated() {
            for (index, key) in layouts[view].definition.joinKeys.enumerated() {
                columns.append("k\(view)_\(index) \(PostgresTableLayout.sqlType(key.type))")
            }
            if request.table.ttlNanoseconds != nil { columns.append("lo\(view) bigint") }
        }
        return "CREATE TEMPORARY TABLE \(Self.entityTable) (\(columns.joined(separator: ", "))) ON COMMIT DROP"
    }

    /// The join: the entity row's position, then per view a found flag and the features.
    var querySQL: String {
        var selected = ["e._larder_row"]
        var joins: [String] = []
        let event = PostgresTableLayout.eventColumn
        for (view, request) in requests.enumerated() {
            let layout = layouts[view]
            var conditions = layout.definition.joinKeys.enumerated().map { index, key in
                "d.\(key.name.quotedPostgresIdentifier) = e.k\(view)_\(index)"
            }
            conditions.append("d.\(event) <= e._larder_ts")
            if request.table.ttlNanoseconds != nil { conditions.append("d.\(event) >= e.lo\(view)") }
            let features = request.features.enumerated().map { "d.\($1.name.quotedPostgresIdentifier) AS f\($0)" }
            let order = [event, PostgresTableLayout.createdColumn, PostgresTableLayout.sequenceColumn]
                .map { "d.\($0) DESC" }
            joins.append(
                """
                LEFT JOIN LATERAL (SELECT \((["true AS found"] + features).joined(separator: ", ")) \
                FROM \(layout.quotedTable) d WHERE \(conditions.joined(separator: " AND ")) \
                ORDER BY \(order.joined(separator: ", ")) LIMIT 1) v\(view) ON true
                """)
            selected.append("v\(view).found")
            selected += request.features.indices.map { "v\(view).f\($0)" }
        }
        return """
            SELECT \(selected.joined(separator: ", ")) FROM \(Self.entityTable) e \
            \(joins.joined(separator: " ")) ORDER BY e._larder_row
            """
    }

    /// Writes a batch of entity rows for the temporary table, in the order of its columns.
    /// - Parameters:
    ///   - batch: the entity rows.
    ///   - times: the batch's timestamp column.
    ///   - writer: where the rows go.
    func encode(_ batch: ColumnBatch, times: Column, into writer: inout CopyTextWriter) {
        let keyColumns = layouts.map { layout in layout.definition.joinKeys.map { batch.column(named: $0.name) } }
        let ttls = requests.map(\.table.ttlNanoseconds)
        for row in 0..<batch.rowCount {
            writer.write(Int64(row))
            let time: Int64?
            if case .timestamp(let value) = times.value(at: row) {
                time = value.nanosecondsSinceEpoch
                writer.write(value.nanosecondsSinceEpoch)
            } else {
                time = nil
                writer.writeNull()
            }
            for (view, layout) in layouts.enumerated() {
                for (index, key) in layout.definition.joinKeys.enumerated() {
                    let value = keyColumns[view][index]?.value(at: row) ?? .null
                    writer.write(value.coerced(to: key.type) ?? .null, as: key.type)
                }
                guard let ttl = ttls[view] else { continue }
                if let time {
                    writer.write(OfflineTable.windowStart(at: time, ttl: ttl))
                } else {
                    writer.writeNull()
                }
            }
            writer.endRow()
        }
    }
}
