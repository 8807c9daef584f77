internal import LarderCore
internal import LarderFormats
import LarderStores

/// Matches a whole chunk of entity rows against one feature view in a single pass: the
/// entity rows sorted by (key, time) descending are merged with a scan of the view's data
/// table in the same order. For each entity row the first stored row of its key with
/// `event time <= entity time` is the winner (the table's order puts the latest event time,
/// then creation time, then ingestion first); it is visible when it is within the TTL.
/// The data table is clustered in that order, so the scan reads it front to back once
/// (backwards), and the winners' features come with their rows.
///
/// This costs one sequential pass over the table's rows in the chunk's time range, so it
/// beats one index search per entity row when the chunk is large relative to the table.
final class SortedScanJoin {
    /// The feature view's name.
    let view: String
    private let statement: SQLiteStatement
    private let keyCount: Int
    private let ttlNanoseconds: Int64?
    private let outputColumns: [(name: String, type: ValueType)]
    /// Entity rows that found a visible row so far.
    private(set) var matchedRows = 0

    /// Prepares the scan.
    /// - Parameters:
    ///   - connection: the store's connection.
    ///   - layout: the view's data table.
    ///   - request: the features asked for.
    /// - Throws: ``SQLiteError`` when the query does not compile.
    init(connection: SQLiteConnection, layout: DataTableLayout, request: FeatureRequest) throws {
        view = request.table.name
        keyCount = layout.definition.joinKeys.count
        ttlNanoseconds = request.table.ttlNanoseconds
        statement = try connection.prepare(
            layout.descendingScanSQL(features: request.features.map(\.name), created: false))
        let types = Dictionary(layout.definition.features.map { ($0.name, $0.type) }, uniquingKeysWith: { a, _ in a })
        outputColumns = request.features.map { ($0.outputName, types[$0.name] ?? .string) }
    }

    /// Finds every probe's winner.
    /// - Parameters:
    ///   - probes: the chunk's matchable entity rows.
    ///   - rowCount: the number of rows in the chunk.
    /// - Returns: the winning rows' feature columns (one row per distinct winner), and per
    ///   chunk row the index of its winner in them, or -1 for none.
    /// - Throws: ``SQLiteError`` when the scan fails.
    func match(_ probes: [EntityProbe], rowCount: Int) throws -> (winners: [Column], assignment: [Int32]) {
        var assignment = [Int32](repeating: -1, count: rowCount)
        var builders = outputColumns.map { FeatureColumnBuilder(name: $0.name, type: $0.type) }
        guard !probes.isEmpty else { return (builders.indices.map { builders[$0].build() }, assignment) }
        let sorted = EntityProbe.sortedDescending(probes)
        let latest = sorted.lazy.map(\.time).max() ?? .max
        let earliest = OfflineTable.windowStart(at: sorted.lazy.map(\.time).min() ?? .min, ttl: ttlNanoseconds)
        try statement.bind(earliest, at: 1)
        try statement.bind(latest, at: 2)
        defer { statement.reset() }
        let eventColumn = Int32(keyCount)
        var hasRow = try statement.step()
        var currentWinner: Int32 = -1
        var winnerCount: Int32 = 0
        var index = 0
        while index < sorted.count, hasRow {
            let probe = sorted[index]
            let order = probe.compareKey(withRowOf: statement, keyCount: keyCount)
            if order > 0 {
                // No stored row with this key remains: the probe matches nothing.
                index += 1
                continue
            }
            let event = statement.int64(at: eventColumn)
            if order < 0 || event > probe.time {
                hasRow = try statement.step()
                currentWinner = -1
                continue
            }
            if event >= OfflineTable.windowStart(at: probe.time, ttl: ttlNanoseconds) {
                if currentWinner < 0 {
                    for column in builders.indices {
                        builders[column].append(from: statement, column: eventColumn + 1 + Int32(column))
                    }
                    currentWinner = winnerCount
                    winnerCount += 1
                }
                assignment[probe.row] = currentWinner
                matchedRows += 1
            }
            index += 1
        }
        return (builders.indices.map { builders[$0].build() }, assignment)
    }
}
