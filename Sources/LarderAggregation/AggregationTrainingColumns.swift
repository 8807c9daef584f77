import Foundation
public import LarderCore
import Synchronization
public import LarderFormats
public import LarderStores

/// The aggregated features of a training set: for each entity row, each feature computed
/// over the row's key's events in the window before the row's time, by the same
/// ``AggregationProgram`` online reads use.
///
/// The events of the keys in the entity rows are read from the offline store once and kept
/// in memory per key (events older than the longest window before the earliest row are not
/// read); each batch of output rows is then computed on demand.
public final class AggregationTrainingColumns: Sendable {
    /// One aggregation view's part of the request.
    public struct Request: Sendable {
        /// The view's offline table (its event columns as features).
        public var table: OfflineTable
        /// The compiled features.
        public var program: AggregationProgram
        /// The output column names, one per compiled feature.
        public var outputNames: [String]
        /// The output types, one per compiled feature.
        public var outputTypes: [ValueType]

        /// A request.
        /// - Parameters:
        ///   - table: the view's offline table.
        ///   - program: the compiled features.
        ///   - outputNames: their output names.
        ///   - outputTypes: their types.
        public init(table: OfflineTable, program: AggregationProgram, outputNames: [String], outputTypes: [ValueType]) {
            self.table = table
            self.program = program
            self.outputNames = outputNames
            self.outputTypes = outputTypes
        }
    }

    private struct ViewState: Sendable {
        var request: Request
        /// For each entity row, the position of its key in `logs`, or -1 for a null key.
        var keyOfRow: [Int]
        var logs: [EventLog]
    }

    private let views: [ViewState]
    private let times: [Int64?]

    /// Reads the events the entity rows need.
    /// - Parameters:
    ///   - entities: the entity rows: at least the join keys of every view and the timestamp column.
    ///   - timestampColumn: the entity rows' timestamp column.
    ///   - requests: the aggregation views and features.
    ///   - store: the offline store holding the views' events.
    /// - Throws: ``OfflineStoreError`` for a view that is not ingested or a missing entity
    ///   column; reader errors.
    public init(
        entities: ColumnBatch, timestampColumn: String, requests: [Request], store: any OfflineStore
    ) throws {
        guard let timeColumn = entities.column(named: timestampColumn) else {
            throw OfflineStoreError(.invalidRequest, "the entity rows have no timestamp column '\(timestampColumn)'")
        }
        times = (0..<entities.rowCount).map { row -> Int64? in
            if case .timestamp(let time) = timeColumn.value(at: row) { return time.nanosecondsSinceEpoch }
            return nil
        }
        let presentTimes = times.compactMap { $0 }
        var views: [ViewState] = []
        for request in requests {
            let keyColumns = try request.table.joinKeys.map { key in
                guard let column = entities.column(named: key.name) else {
                    throw OfflineStoreError(
                        .invalidRequest,
                        "the entity rows have no join key column '\(key.name)', which feature view '\(request.table.name)' needs"
                    )
                }
                return column
            }
            let types = request.program.eventColumns.map(\.type)
            var groups = EventGroups(types: types)
            var keyOfRow: [Int] = []
            keyOfRow.reserveCapacity(entities.rowCount)
            for row in 0..<entities.rowCount {
                let key = keyColumns.map { $0.value(at: row) }
                keyOfRow.append(key.contains(where: \.isNull) ? -1 : groups.position(of: key, adding: true)!)
            }
            if let earliest = presentTimes.min(), let latest = presentTimes.max() {
                let (start, overflow) = earliest.subtractingReportingOverflow(request.program.longestWindow)
                try store.scanEvents(
                    table: request.table, start: Timestamp(nanosecondsSinceEpoch: overflow ? .min : start),
                    end: Timestamp(nanosecondsSinceEpoch: latest)
                ) { row in
                    if let position = groups.position(of: row.joinKeys, adding: false) { groups.add(row, at: position) }
                }
            }
            views.append(ViewState(request: request, keyOfRow: keyOfRow, logs: groups.logs()))
        }
        self.views = views
    }

    /// The aggregated output columns, in request order.
    public var schema: [ColumnSchema] {
        views.flatMap { view in
            zip(view.request.outputNames, view.request.outputTypes).map {
                ColumnSchema(name: $0, type: FeatureColumnBuilder.columnType(for: $1), nullable: true)
            }
        }
    }

    /// Computes the aggregated columns for some entity rows, on every core for a large batch.
    /// - Parameter rows: the entity rows' positions.
    /// - Returns: one column per output name, in request order.
    public func columns(rows: Range<Int>) -> [Column] {
        let parts = rows.count >= 8_192 ? ProcessInfo.processInfo.activeProcessorCount : 1
        guard parts > 1 else { return computeColumns(rows: rows) }
        let size = (rows.count + parts - 1) / parts
        let chunks = stride(from: rows.lowerBound, to: rows.upperBound, by: size).map {
            $0..<min($0 + size, rows.upperBound)
        }
        let results = Mutex<[Int: [Column]]>([:])
        DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
            let columns = computeColumns(rows: chunks[index])
            results.withLock { $0[index] = columns }
        }
        let computed = results.withLock { $0 }
        var columns = computed[0]!
        for index in 1..<chunks.count {
            for (position, column) in computed[index]!.enumerated() { columns[position].append(contentsOf: column) }
        }
        return columns
    }

    private func computeColumns(rows: Range<Int>) -> [Column] {
        var result: [Column] = []
        for view in views {
            var builders = zip(view.request.outputNames, view.request.outputTypes).map {
                FeatureColumnBuilder(name: $0, type: $1)
            }
            for row in rows {
                let key = view.keyOfRow[row]
                guard key >= 0, let time = times[row] else {
                    for index in builders.indices { builders[index].appendNull() }
                    continue
                }
                view.request.program.evaluate(view.logs[key], at: time) { feature, value in
                    if value.isNull { builders[feature].appendNull() } else { builders[feature].append(value) }
                }
            }
            for index in builders.indices { result.append(builders[index].build()) }
        }
        return result
    }
}
