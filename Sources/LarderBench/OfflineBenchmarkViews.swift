import LarderStores
import Foundation
import LarderCore
import LarderFormats
import LarderOffline
import Logging

/// The feature view the offline benchmarks use: `user_stats` as written by
/// `tools/bench/generate_data.py`, keyed by `user_id`, with all eight features and a 7-day TTL.
enum OfflineBenchmarkViews {
    /// The features of `user_stats`, with their declared types.
    static let features: [OfflineColumn] = [
        OfflineColumn("avg_amount_7d", .float64), OfflineColumn("tx_count_7d", .int64),
        OfflineColumn("fraud_count_30d", .int64), OfflineColumn("std_amount_30d", .float64),
        OfflineColumn("days_since_first_tx", .int32), OfflineColumn("max_amount_7d", .float64),
        OfflineColumn("avg_score", .float32), OfflineColumn("last_category", .string),
    ]

    /// `user_stats` read from a source file.
    /// - Parameter path: `user_stats.parquet` or `user_stats.csv`.
    static func userStats(_ path: String) -> OfflineTable {
        OfflineTable(
            name: "user_stats", sourcePath: path, format: FileFormat(path: path) ?? .parquet,
            joinKeys: [OfflineColumn("user_id", .int64)], eventTimestampColumn: "event_timestamp",
            createdTimestampColumn: "created", features: features, ttl: .days(7))
    }

    /// A logger that prints warnings and errors only.
    static var logger: Logger {
        var logger = Logger(label: "larder.bench.offline") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .warning
        return logger
    }

    /// Removes a store's database file and its WAL companions.
    static func removeStore(at path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
