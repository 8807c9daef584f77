import LarderCore

/// One requested view's rows grouped by entity key, and the point-in-time rule applied to
/// them the plain way: every row of the key is a candidate when `time - TTL <= event time <=
/// time`; the latest event time wins, then the latest creation time, then the row stored last.
struct PointInTimeCandidates {
    /// The view's name.
    let view: String
    /// The view's join keys.
    let joinKeys: [OfflineColumn]
    /// The output columns: the requested features' output names and declared types.
    let outputs: [(name: String, type: ValueType)]
    /// The stored position of each requested feature.
    let positions: [Int]
    private let ttl: Int64?
    private let rowsByKey: [[Value]: [StoredRow]]

    /// Groups a view's rows for a request.
    /// - Parameters:
    ///   - request: the features asked for (checked to exist before).
    ///   - stored: the view's rows, in storage order, with the request's TTL.
    init(request: FeatureRequest, stored: MemoryOfflineStore.StoredTable) {
        view = request.table.name
        joinKeys = stored.table.joinKeys
        let features = stored.table.features
        positions = request.features.map { feature in features.firstIndex { $0.name == feature.name }! }
        outputs = zip(request.features, positions).map { ($0.outputName, features[$1].type) }
        ttl = stored.table.ttlNanoseconds
        rowsByKey = Dictionary(grouping: stored.rows, by: \.joinKeys)
    }

    /// The winning row for an entity row, or `nil` when there is no candidate (or a key is null).
    /// - Parameters:
    ///   - key: the entity row's join key values, in the view's order.
    ///   - time: the entity row's time.
    /// - Returns: the winner.
    func winner(key: [Value], at time: Timestamp) -> StoredRow? {
        var converted: [Value] = []
        for (value, column) in zip(key, joinKeys) {
            guard !value.isNull, let stored = value.coerced(to: column.type) else { return nil }
            converted.append(stored)
        }
        let earliest = OfflineTable.windowStart(at: time.nanosecondsSinceEpoch, ttl: ttl)
        var best: StoredRow?
        for row in rowsByKey[converted] ?? [] {
            let event = row.eventTimestamp.nanosecondsSinceEpoch
            guard event <= time.nanosecondsSinceEpoch, event >= earliest else { continue }
            // Storage order: a later row wins a full tie.
            if best.map({ row.recency >= $0.recency }) ?? true { best = row }
        }
        return best
    }
}
