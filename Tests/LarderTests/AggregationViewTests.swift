import Foundation
import Larder
import LarderCore
import LarderFormats
import LarderStores
import LarderTestSupport
import Logging
import Testing

/// A repository with a file of raw transactions and an aggregation view over them, with
/// values small enough to check by hand.
struct TransactionRepository {
    let directory: TemporaryDirectory
    let store: FeatureStore

    static let events = """
        user_id,merchant_id,amount,is_fraud,event_timestamp
        1,100,10.0,false,2026-01-01T00:00:00Z
        1,101,20.0,true,2026-01-03T00:00:00Z
        1,100,30.0,false,2026-01-03T00:00:00Z
        1,102,,false,2026-01-08T00:00:00Z
        2,100,5.0,false,2026-01-05T12:00:00Z

        """

    static let features = [
        "count_7d", "amount_sum_7d", "amount_mean_7d", "amount_stddev_7d", "amount_min_7d", "amount_max_7d",
        "amount_last_7d", "merchants_7d", "is_fraud_sum_30d",
    ]

    static func manifest() -> Manifest {
        let user = Entity("user", joinKey: "user_id")
        let transactions = PushSource(
            "transactions_push", batchSource: FileSource("data/transactions.csv", name: "transactions"))
        let view = FeatureView("user_tx", entities: [user], source: transactions) {
            Aggregation.count(window: "7d")
            Aggregation.over("amount", .sum, .mean, .stddev, .min, .max, .last, windows: "7d")
            Aggregation("merchant_id", .countDistinct, window: .days(7), name: "merchants_7d")
            Aggregation("is_fraud", .sum, window: "30d")
        }
        return FeatureRepository {
            view
            FeatureService("fraud") { view }
        }.manifest
    }

    init(stores: StoreBackends = .embedded) throws {
        directory = try TemporaryDirectory()
        try directory.write("project: aggregations\n" + stores.yaml, to: "feature_store.yaml")
        try directory.write(Self.events, to: "data/transactions.csv")
        store = try FeatureStore(repositoryPath: directory.path, logger: Logger(label: "test"))
        try store.apply(Self.manifest())
    }

    static func time(_ text: String) -> Timestamp { Timestamp(parsing: text)! }

    /// The features of one user read online at a time, by name.
    func online(user: Int64, at time: String) throws -> [String: (Value, FeatureStatus)] {
        let result = try store.getOnlineFeatures(
            service: "fraud", entities: [EntityColumn(name: "user_id", values: [.int64(user)])],
            now: Self.time(time))
        var values: [String: (Value, FeatureStatus)] = [:]
        for (name, column) in zip(result.featureNames, result.columns).dropFirst() {
            values[name] = (column.values[0], column.statuses[0])
        }
        return values
    }
}

/// The expected values of ``TransactionRepository/features``, in order.
private func expected(
    count: Int64, sum: Double, mean: Double?, stddev: Double?, min: Double?, max: Double?, last: Double?,
    merchants: Int64, frauds: Int64
) -> [Value] {
    [
        .int64(count), .float64(sum), mean.map(Value.float64) ?? .null, stddev.map(Value.float64) ?? .null,
        min.map(Value.float64) ?? .null, max.map(Value.float64) ?? .null, last.map(Value.float64) ?? .null,
        .int64(merchants), .int64(frauds),
    ]
}

@Suite(.serialized) struct AggregationViewTests {
    static let emptyWindow = expected(
        count: 0, sum: 0, mean: nil, stddev: nil, min: nil, max: nil, last: nil, merchants: 0, frauds: 0)

    @Test(arguments: StoreBackends.allCases) func trainingSetCountsEventsBeforeEachRowOnly(stores: StoreBackends) throws
    {
        let repository = try TransactionRepository(stores: stores)
        try repository.directory.write(
            """
            user_id,event_timestamp,label
            1,2026-01-08T00:00:00Z,1
            1,2026-01-08T00:00:00.000001Z,0
            2,2026-01-05T12:00:00Z,1
            3,2026-01-05T00:00:00Z,0
            1,2025-12-31T00:00:00Z,0

            """, to: "labels.csv")
        try repository.store.getHistoricalFeatures(
            entitiesPath: "labels.csv",
            features: TransactionRepository.features.map { FeatureReference(view: "user_tx", feature: $0) },
            outputPath: "train.parquet")
        let output = try TableFiles.openReader(path: repository.directory.path + "/train.parquet").readAll()
        #expect(output.columns.map(\.name) == ["user_id", "event_timestamp", "label"] + TransactionRepository.features)
        let rows = (0..<output.rowCount).map { row in output.columns.dropFirst(3).map { $0.value(at: row) } }
        #expect(
            rows == [
                // [Jan 1, Jan 8): the event exactly a window back counts, the row's own instant does not.
                expected(
                    count: 3, sum: 60, mean: 20, stddev: 10, min: 10, max: 30, last: 30, merchants: 2, frauds: 1),
                // One microsecond later Jan 1 has left the window and Jan 8 (amount null) entered.
                expected(
                    count: 3, sum: 50, mean: 25, stddev: (50.0).squareRoot(), min: 20, max: 30, last: 30,
                    merchants: 3, frauds: 1),
                // A transaction never feeds its own features.
                Self.emptyWindow, Self.emptyWindow, Self.emptyWindow,
            ])
    }

    @Test func largeTrainingSetsComputedOnEveryCoreKeepRowOrder() throws {
        let repository = try TransactionRepository()
        let rows = [
            "1,2026-01-08T00:00:00Z", "2,2026-01-05T12:00:00Z", "1,2026-01-08T00:00:00.000001Z",
            "3,2026-01-05T00:00:00Z",
        ]
        // More rows than one core computes alone, in one batch.
        try repository.directory.write(
            "user_id,event_timestamp\n" + (0..<30_000).map { rows[$0 % 4] + "\n" }.joined(), to: "labels.csv")
        try repository.store.getHistoricalFeatures(
            entitiesPath: "labels.csv", features: [FeatureReference(view: "user_tx", feature: "amount_sum_7d")],
            outputPath: "train.parquet")
        let output = try TableFiles.openReader(path: repository.directory.path + "/train.parquet").readAll()
        let sums = (0..<output.rowCount).map { output.columns[2].value(at: $0) }
        let expected: [Value] = [.float64(60), .float64(0), .float64(50), .float64(0)]
        #expect(sums == (0..<30_000).map { expected[$0 % 4] })
    }

    @Test(arguments: StoreBackends.allCases) func onlineValuesAgeWithoutNewEvents(stores: StoreBackends) throws {
        let repository = try TransactionRepository(stores: stores)
        try repository.store.materialize(
            start: TransactionRepository.time("2025-01-01T00:00:00Z"),
            end: TransactionRepository.time("2026-02-01T00:00:00Z"),
            now: TransactionRepository.time("2026-01-08T00:00:00Z"))
        let atLabel = try repository.online(user: 1, at: "2026-01-08T00:00:00Z")
        #expect(
            TransactionRepository.features.map { atLabel[$0]!.0 }
                == expected(
                    count: 3, sum: 60, mean: 20, stddev: 10, min: 10, max: 30, last: 30, merchants: 2, frauds: 1))
        #expect(atLabel["amount_mean_7d"]!.1 == .present)
        // A week after Jan 8 only that event (amount null) is left; a day later nothing.
        let later = try repository.online(user: 1, at: "2026-01-15T00:00:00Z")
        #expect(later["count_7d"]!.0 == .int64(1))
        #expect(later["amount_sum_7d"]!.0 == .float64(0))
        #expect(later["amount_mean_7d"]! == (.null, .nullValue))
        #expect(later["is_fraud_sum_30d"]!.0 == .int64(1))
        let empty = try repository.online(user: 1, at: "2026-01-15T00:00:00.000001Z")
        #expect(empty["count_7d"]! == (.int64(0), .present))
        // A user with no events reads as an empty window, as a training set would.
        let unknown = try repository.online(user: 42, at: "2026-01-08T00:00:00Z")
        #expect(TransactionRepository.features.map { unknown[$0]!.0 } == Self.emptyWindow)
    }

    @Test(arguments: StoreBackends.allCases) func pushedEventsCountAtOnceAndMaterializeIsIdempotent(
        stores: StoreBackends
    ) throws {
        let repository = try TransactionRepository(stores: stores)
        let start = TransactionRepository.time("2025-01-01T00:00:00Z")
        let end = TransactionRepository.time("2026-01-06T00:00:00Z")
        let now = TransactionRepository.time("2026-01-06T00:00:00Z")
        try repository.store.materialize(start: start, end: end, now: now)
        try repository.store.materialize(start: start, end: end, now: now)
        #expect(try repository.online(user: 2, at: "2026-01-10T00:00:00Z")["count_7d"]!.0 == .int64(1))
        try repository.store.push(
            source: "transactions_push",
            columns: PushColumns([
                "user_id": [.int64(2), .int64(2)], "merchant_id": [.int64(100), .int64(103)],
                "amount": [.float64(7), .float64(8)], "is_fraud": [.bool(true), .bool(false)],
                "event_timestamp": [
                    .timestamp(TransactionRepository.time("2026-01-09T00:00:00Z")),
                    .timestamp(TransactionRepository.time("2026-01-09T00:00:00Z")),
                ],
            ]), to: .onlineAndOffline, now: now)
        let afterPush = try repository.online(user: 2, at: "2026-01-10T00:00:00Z")
        #expect(afterPush["count_7d"]!.0 == .int64(3))
        #expect(afterPush["amount_sum_7d"]!.0 == .float64(20))
        #expect(afterPush["merchants_7d"]!.0 == .int64(2))
        #expect(afterPush["amount_last_7d"]!.0 == .float64(8))
        // Materializing the pushed range again replaces it with the offline copy: no double count.
        try repository.store.materializeIncremental(end: TransactionRepository.time("2026-01-31T00:00:00Z"), now: now)
        let afterMaterialize = try repository.online(user: 2, at: "2026-01-10T00:00:00Z")
        #expect(afterMaterialize["count_7d"]!.0 == .int64(3))
        #expect(afterMaterialize["is_fraud_sum_30d"]!.0 == .int64(1))
        // User 1's events after the first window arrived with the incremental run.
        #expect(try repository.online(user: 1, at: "2026-01-09T00:00:00Z")["count_7d"]!.0 == .int64(3))
    }
}
