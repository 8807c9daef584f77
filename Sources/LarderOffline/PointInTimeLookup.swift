internal import LarderCore
internal import LarderFormats
import LarderStores

/// Finds, for each entity row of a batch, the visible winner among one feature view's rows
/// and produces the requested feature columns.
///
/// One indexed query per entity row: rows with the entity's join keys and
/// `entity time - TTL <= event time <= entity time`, newest event time first, then newest
/// creation time, then last ingested; the first row wins.
final class PointInTimeLookup {
    /// The feature view's name.
    let view: String
    private let statement: SQLiteStatement
    /// The view's join keys.
    let joinKeys: [OfflineColumn]
    private let ttlNanoseconds: Int64?
    private var builders: [FeatureColumnBuilder]
    /// Entity rows that found a visible row so far.
    private(set) var matchedRows = 0

    /// Prepares the lookup.
    /// - Parameters:
    ///   - connection: the store's connection.
    ///   - layout: the view's data table.
    ///   - request: the features asked for and their output names.
    /// - Throws: ``SQLiteError`` when the query does not compile.
    init(connection: SQLiteConnection, layout: DataTableLayout, request: FeatureRequest) throws {
        view = request.table.name
        joinKeys = layout.definition.joinKeys
        ttlNanoseconds = request.table.ttlNanoseconds
        statement = try connection.prepare(layout.lookupSQL(features: request.features.map(\.name)))
        let types = Dictionary(layout.definition.features.map { ($0.name, $0.type) }, uniquingKeysWith: { a, _ in a })
        builders = request.features.map { FeatureColumnBuilder(name: $0.outputName, type: types[$0.name] ?? .string) }
    }

    /// The feature columns for a batch of entity rows, in request order.
    /// - Parameters:
    ///   - batch: entity rows, holding the view's join key columns.
    ///   - times: each entity row's time in nanoseconds; `nil` for a null time.
    /// - Returns: one column per requested feature, with a value or null for every row.
    /// - Throws: ``OfflineStoreError`` when an entity key cannot be compared;
    ///   ``SQLiteError`` when the query fails.
    func featureColumns(for batch: ColumnBatch, times: [Int64?]) throws -> [Column] {
        let keys = try joinKeys.enumerated().map { index, key in
            guard let column = batch.column(named: key.name) else {
                throw OfflineStoreError(.invalidRequest, "the entity rows have no column '\(key.name)'")
            }
            return SourceColumnBinder.Target(column: column, declared: key.type, parameter: Int32(index + 1))
        }
        try SourceColumnBinder.withBinders(keys) { try lookUp(batch.rowCount, keys: $0, times: times) }
        return builders.indices.map { builders[$0].build() }
    }

    /// Looks up each entity row and appends its features (or nulls) to the builders.
    private func lookUp(_ rowCount: Int, keys: SourceColumnBinders, times: [Int64?]) throws {
        let timeParameter = Int32(joinKeys.count + 1)
        for row in 0..<rowCount {
            guard let time = times[row], try bindKeys(keys, row: row) else {
                appendNulls()
                continue
            }
            try statement.bind(time, at: timeParameter)
            try statement.bind(OfflineTable.windowStart(at: time, ttl: ttlNanoseconds), at: timeParameter + 1)
            defer { statement.reset() }
            if try statement.step() {
                matchedRows += 1
                for index in builders.indices {
                    builders[index].append(from: statement, column: Int32(index))
                }
            } else {
                appendNulls()
            }
        }
    }

    /// Binds an entity row's join keys; `false` when one is null (nothing can match).
    private func bindKeys(_ keys: SourceColumnBinders, row: Int) throws -> Bool {
        for index in 0..<keys.count {
            do {
                guard try keys.bind(index, row: row, to: statement) else { return false }
            } catch let error as ValueOutOfRange {
                throw OfflineStoreError(
                    .invalidRequest, "entity row \(row + 1): join key '\(joinKeys[index].name)': \(error.message)")
            }
        }
        return true
    }

    private func appendNulls() {
        for index in builders.indices { builders[index].appendNull() }
    }
}
