import LarderStores
import LarderCore
import LarderFormats
import LarderOnline

/// The online benchmarks' input: the `user_stats` rows written by `tools/bench/generate_data.py`.
enum OnlineBenchmarkData {
    /// The `user_stats` view as the online store sees it (the benchmark repository's definition).
    static let view = OnlineViewSchema(
        name: "user_stats",
        joinKeys: [OnlineColumn(name: "user_id", type: .int64)],
        features: [
            OnlineColumn(name: "avg_amount_7d", type: .float64), OnlineColumn(name: "tx_count_7d", type: .int64),
            OnlineColumn(name: "fraud_count_30d", type: .int64), OnlineColumn(name: "std_amount_30d", type: .float64),
            OnlineColumn(name: "days_since_first_tx", type: .int32),
            OnlineColumn(name: "max_amount_7d", type: .float64),
            OnlineColumn(name: "avg_score", type: .float32), OnlineColumn(name: "last_category", type: .string),
        ],
        ttl: .days(7))

    /// Reads `DIR/user_stats.parquet` (the file Feast's peer materializes) into rows for the
    /// online store.
    /// - Parameter directory: the generator's output directory.
    /// - Returns: the rows, in file order.
    /// - Throws: when the file cannot be read, or ``BenchmarkInputError`` naming the row that
    ///   lacks a user id or event timestamp.
    static func load(from directory: String) throws -> [StoredRow] {
        let path = directory + "/user_stats.parquet"
        let reader = try TableFiles.openReader(path: path)
        var rows: [StoredRow] = []
        try reader.forEachBatch(columns: ["user_id", "event_timestamp", "created"] + view.features.map(\.name)) {
            batch in
            let columns = batch.columns
            for index in 0..<batch.rowCount {
                guard case .int64(let user) = columns[0].value(at: index),
                    case .timestamp(let event) = columns[1].value(at: index)
                else {
                    throw BenchmarkInputError("\(path): row \(rows.count) has no int64 user_id or no event_timestamp")
                }
                var created: Timestamp?
                if case .timestamp(let instant) = columns[2].value(at: index) { created = instant }
                let values = columns[3...].map { $0.value(at: index) }
                rows.append(
                    StoredRow(
                        joinKeys: [.int64(user)], eventTimestamp: event, createdTimestamp: created, features: values))
            }
        }
        return rows
    }
}

/// A benchmark's input is missing or not what it expects.
struct BenchmarkInputError: Error, CustomStringConvertible {
    /// What is wrong, naming the file.
    let description: String

    /// Creates an error.
    /// - Parameter description: what is wrong, naming the file.
    init(_ description: String) { self.description = description }
}
