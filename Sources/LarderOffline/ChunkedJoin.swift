internal import LarderCore
internal import LarderFormats
import LarderStores

/// The running state of a point-in-time join: entity batches held until a chunk is full,
/// then matched against each view and written out in input order.
struct ChunkedJoin {
    /// The output.
    let writer: any TableWriter
    private let timestampColumn: String
    private let entityPath: String
    private let strategy: JoinStrategy
    private let tableRows: [Int]
    private let lookups: [PointInTimeLookup]
    private let scans: [SortedScanJoin]
    private var pending: [ColumnBatch] = []
    /// Entity rows held, not yet written.
    private(set) var pendingRows = 0
    /// Entity rows written.
    private(set) var entityRows = 0

    /// Prepares the per-view queries.
    /// - Parameters:
    ///   - twin: a second connection reading the same snapshot, to search on two cores; `nil`
    ///     for one.
    /// - Throws: ``SQLiteError`` when a query does not compile.
    init(
        plan: JoinPlan, requests: [FeatureRequest], connection: SQLiteConnection, twin: SQLiteConnection?,
        strategy: JoinStrategy,
        timestampColumn: String, entityPath: String, writer: any TableWriter
    ) throws {
        self.writer = writer
        self.timestampColumn = timestampColumn
        self.entityPath = entityPath
        self.strategy = strategy
        tableRows = plan.rowCounts
        lookups = try plan.layouts.indices.map {
            try PointInTimeLookup(
                connection: connection, twin: twin, layout: plan.layouts[$0], request: requests[$0])
        }
        scans = try plan.layouts.indices.map {
            try SortedScanJoin(connection: connection, layout: plan.layouts[$0], request: requests[$0])
        }
    }

    /// Per view, the entity rows that found a visible row.
    var matchedRows: [String: Int] {
        var matched: [String: Int] = [:]
        for (lookup, scan) in zip(lookups, scans) {
            matched[lookup.view, default: 0] += lookup.matchedRows + scan.matchedRows
        }
        return matched
    }

    /// Holds a batch of entity rows.
    mutating func add(_ batch: ColumnBatch) {
        pending.append(batch)
        pendingRows += batch.rowCount
    }

    /// Matches the held rows against every view and writes them with their features.
    /// - Throws: ``OfflineStoreError``, ``SQLiteError``, or the writer's errors.
    mutating func flush() throws {
        guard !pending.isEmpty else { return }
        let times = try pending.map(entityTimes)
        // features[batch] holds the batch's feature columns, view after view.
        var features = [[Column]](repeating: [], count: pending.count)
        for view in lookups.indices {
            let probes = EntityProbe.probes(batches: pending, times: times, joinKeys: lookups[view].joinKeys)
            let (winners, assignment) =
                useScan(view)
                ? try scans[view].match(probes, rowCount: pendingRows)
                : try lookups[view].match(probes, rowCount: pendingRows)
            var base = 0
            for (index, batch) in pending.enumerated() {
                features[index] += winners.map { winner in
                    var builder = FeatureColumnBuilder(column: winner)
                    builder.appendRows(of: winner, at: assignment[base..<base + batch.rowCount])
                    return builder.build()
                }
                base += batch.rowCount
            }
        }
        for (index, batch) in pending.enumerated() {
            try writer.write(ColumnBatch(columns: batch.columns + features[index], rowCount: batch.rowCount))
        }
        entityRows += pendingRows
        pending = []
        pendingRows = 0
    }

    /// Whether to match view `view` by sorted scan: always or never when the strategy says
    /// so; automatically when the chunk has more than a quarter as many rows as the view. A
    /// search costs about as many instructions as scanning 4.5 rows (callgrind, 100,000
    /// entity rows against 1,000,000 feature rows: 0.9 G instructions searching, 2.0 G
    /// scanning; docs/BENCHMARKS.md).
    private func useScan(_ view: Int) -> Bool {
        switch strategy {
        case .sortedScan: true
        case .indexSearch: false
        case .automatic: pendingRows * 4 > tableRows[view]
        }
    }

    /// Each row's time in nanoseconds, `nil` when null.
    private func entityTimes(_ batch: ColumnBatch) throws -> [Int64?] {
        guard let column = batch.column(named: timestampColumn) else {
            throw OfflineStoreError(
                .invalidRequest, "\(entityPath): the reader returned no column '\(timestampColumn)'")
        }
        if case .timestamp(let unit, _) = column.type, case .int64(let values) = column.storage {
            // The common layout, without a ``Value`` per row; out of range clamps as `value(at:)` does.
            return values.indices.map { row in
                guard column.validity?[row] ?? true else { return nil }
                let (nanoseconds, overflow) = values[row].multipliedReportingOverflow(by: unit.nanoseconds)
                return overflow ? (values[row] < 0 ? .min : .max) : nanoseconds
            }
        }
        return (0..<batch.rowCount).map { row in
            guard case .timestamp(let time) = column.value(at: row) else { return nil }
            return time.nanosecondsSinceEpoch
        }
    }
}
