internal import LarderCore
internal import LarderFormats
import LarderStores

/// Finds each entity row's visible winner among one feature view's rows with one search of
/// the view's table (clustered in point-in-time order) per entity row.
///
/// Each search takes the rows with the entity's join keys and
/// `entity time - TTL <= event time <= entity time`, newest event time first, then newest
/// creation time, then last ingested; the first row wins. The entity rows are searched in
/// (key, time) order, so consecutive searches read neighbouring pages of the table. With a
/// second connection at the same snapshot, a large chunk's searches are split in two halves
/// of that order, searched at once on two cores.
final class PointInTimeLookup {
    /// The feature view's name.
    let view: String
    private let statement: SQLiteStatement
    /// The same search on the second connection, if any.
    private let twinStatement: SQLiteStatement?
    /// The view's join keys.
    let joinKeys: [OfflineColumn]
    private let ttlNanoseconds: Int64?
    private let outputColumns: [(name: String, type: ValueType)]
    /// Entity rows that found a visible row so far.
    private(set) var matchedRows = 0

    /// The fewest searches worth splitting over two cores: below it, starting the second
    /// thread costs about what it saves.
    static let twoCoreSearches = 4_096

    /// Prepares the lookup.
    /// - Parameters:
    ///   - connection: the store's connection.
    ///   - twin: a second connection reading the same snapshot, or `nil`.
    ///   - layout: the view's data table.
    ///   - request: the features asked for and their output names.
    /// - Throws: ``SQLiteError`` when the query does not compile.
    init(
        connection: SQLiteConnection, twin: SQLiteConnection?, layout: DataTableLayout, request: FeatureRequest
    ) throws {
        view = request.table.name
        joinKeys = layout.definition.joinKeys
        ttlNanoseconds = request.table.ttlNanoseconds
        let sql = layout.lookupSQL(features: request.features.map(\.name))
        statement = try connection.prepare(sql)
        twinStatement = try twin?.prepare(sql)
        let types = Dictionary(layout.definition.features.map { ($0.name, $0.type) }, uniquingKeysWith: { a, _ in a })
        outputColumns = request.features.map { ($0.outputName, types[$0.name] ?? .string) }
    }

    /// Finds every probe's winner.
    /// - Parameters:
    ///   - probes: the chunk's matchable entity rows.
    ///   - rowCount: the number of rows in the chunk.
    /// - Returns: the winning rows' feature columns (one row per distinct winner), and per
    ///   chunk row the index of its winner in them, or -1 for none.
    /// - Throws: ``SQLiteError`` when a search fails.
    func match(_ probes: [EntityProbe], rowCount: Int) throws -> (winners: [Column], assignment: [Int32]) {
        var assignment = [Int32](repeating: -1, count: rowCount)
        let sorted = EntityProbe.sortedDescending(probes)
        guard let twinStatement, sorted.count >= Self.twoCoreSearches else {
            let found = try assignment.withUnsafeMutableBufferPointer {
                try search(sorted[...], with: statement, assigning: $0)
            }
            matchedRows += found.matched
            return (found.winners, assignment)
        }
        let middle = sorted.count / 2
        let (first, second) = try assignment.withUnsafeMutableBufferPointer { assignment in
            // Each half searches on its own connection and assigns its own rows only.
            try TwoCores.perform { half in
                half == 0
                    ? try search(sorted[..<middle], with: statement, assigning: assignment)
                    : try search(sorted[middle...], with: twinStatement, assigning: assignment)
            }
        }
        // The second half's winners follow the first's.
        for probe in sorted[middle...] where assignment[probe.row] >= 0 {
            assignment[probe.row] += first.winnerCount
        }
        matchedRows += first.matched + second.matched
        let winners = zip(first.winners, second.winners).map { first, second in
            var column = first
            column.append(contentsOf: second)
            return column
        }
        return (winners, assignment)
    }

    /// What one run of searches found: the winners' feature columns, how many winners, and how
    /// many probes found one.
    private struct SearchResult {
        var winners: [Column]
        var winnerCount: Int32
        var matched: Int
    }

    /// Searches probes in the order given, recording each probe's winner (an index in the
    /// returned columns) in `assignment`.
    private func search(
        _ probes: ArraySlice<EntityProbe>, with statement: SQLiteStatement,
        assigning assignment: UnsafeMutableBufferPointer<Int32>
    ) throws -> SearchResult {
        var builders = outputColumns.map { FeatureColumnBuilder(name: $0.name, type: $0.type) }
        let timeParameter = Int32(joinKeys.count + 1)
        var winnerCount: Int32 = 0
        var matched = 0
        var previous: EntityProbe?
        var previousWinner: Int32 = -1
        for probe in probes {
            if let previous, previous.time == probe.time, previous.hasKey(of: probe) {
                // The same key and time: the same winner, without another search.
                assignment[probe.row] = previousWinner
                if previousWinner >= 0 { matched += 1 }
                continue
            }
            try bindKey(of: probe, to: statement)
            try statement.bind(probe.time, at: timeParameter)
            try statement.bind(OfflineTable.windowStart(at: probe.time, ttl: ttlNanoseconds), at: timeParameter + 1)
            defer { statement.reset() }
            previous = probe
            previousWinner = -1
            guard try statement.step() else { continue }
            for index in builders.indices {
                builders[index].append(from: statement, column: Int32(index))
            }
            previousWinner = winnerCount
            winnerCount += 1
            assignment[probe.row] = previousWinner
            matched += 1
        }
        return SearchResult(
            winners: builders.indices.map { builders[$0].build() }, winnerCount: winnerCount, matched: matched)
    }

    /// Binds a probe's join key to the search's first parameters, as the stored key's type.
    private func bindKey(of probe: EntityProbe, to statement: SQLiteStatement) throws {
        guard !probe.parts.isEmpty else { return try statement.bind(probe.integer, at: 1) }
        for (index, part) in probe.parts.enumerated() {
            let parameter = Int32(index + 1)
            switch part {
            case .integer(let value): try statement.bind(value, at: parameter)
            case .real(let value): try statement.bind(value, at: parameter)
            case .bytes(let value):
                if joinKeys[index].type == .string {
                    try value.withUnsafeBufferPointer { try statement.bindText($0, at: parameter) }
                } else {
                    try value.withUnsafeBytes { try statement.bindBlob($0, at: parameter) }
                }
            }
        }
    }
}
