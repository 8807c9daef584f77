import LarderCore
import LarderStores
import LarderTestSupport
@testable import LarderOnline

/// Schemas and rows shared by the online store tests.
enum Fixtures {
    /// A view keyed by an int64 user id with one feature of each common type.
    static let userStats = OnlineViewSchema(
        name: "user_stats",
        joinKeys: [OnlineColumn(name: "user_id", type: .int64)],
        features: [
            OnlineColumn(name: "avg_amount", type: .float64),
            OnlineColumn(name: "tx_count", type: .int64),
            OnlineColumn(name: "days_active", type: .int32),
            OnlineColumn(name: "score", type: .float32),
            OnlineColumn(name: "last_category", type: .string),
        ],
        ttl: .days(7))

    /// The names of ``userStats``'s features, in declared order.
    static let userStatsFeatures = userStats.features.map(\.name)

    /// A fixed instant to read at.
    static let now = Timestamp(parsing: "2026-03-01T12:00:00Z")!

    /// A timestamp some days before ``now``.
    static func daysAgo(_ days: Int) -> Timestamp { now - .days(days) }

    /// A ``userStats`` row whose values derive from the user id and a version number.
    static func userRow(
        _ user: Int64, version: Int = 1, event: Timestamp = daysAgo(1), created: Timestamp? = nil
    ) -> StoredRow {
        StoredRow(
            joinKeys: [.int64(user)], eventTimestamp: event, createdTimestamp: created,
            features: [
                .float64(Double(user) + Double(version) / 10), .int64(Int64(version)), .int32(Int32(user % 100)),
                .float32(Float(version)), .string("category-\(user % 7)"),
            ])
    }

    /// Opens a store in a fresh directory.
    static func store(
        in directory: TemporaryDirectory, configuration: LMDBOnlineStore.Configuration = .init()
    ) throws -> LMDBOnlineStore {
        try LMDBOnlineStore(path: directory.appending("online"), configuration: configuration)
    }
}
