import Foundation
import Larder
import LarderCore
import LarderStores
import LarderTestSupport
import Logging
import Testing

/// The stores a repository's verbs run against: the embedded ones (SQLite and LMDB), the
/// in-memory reference stores, PostgreSQL (a schema of its own on the tests' server) with LMDB,
/// or SQLite with a Redis online store (a server the test process starts); every verb must
/// answer the same on all.
enum StoreBackends: String, CaseIterable, Sendable {
    case embedded, memory, postgres, redis

    /// The `feature_store.yaml` lines that choose them; each Redis repository gets a key
    /// prefix of its own. Without a Redis server the address is unusable, so the test fails.
    var yaml: String {
        get throws {
            switch self {
            case .embedded: return ""
            case .memory: return "offline_store: {type: memory}\nonline_store: {type: memory}\n"
            case .postgres:
                let server = try PostgresTestServer.shared()
                return """
                    offline_store: {type: postgres, host: 127.0.0.1, port: \(server.port), user: \(server.user), \
                    database: \(server.database), schema: \(PostgresTestServer.makeSchemaName())}

                    """
            case .redis:
                return """
                    online_store: {type: redis, connection_string: "\(try RedisServer.shared.get().connectionString)", key_prefix: "e2e-\(UUID().uuidString):"}

                    """
            }
        }
    }
}

/// A repository whose user source has hand-written rows, for checking the verbs end to end.
struct ServingRepository {
    let directory: TemporaryDirectory
    let store: FeatureStore

    static let rows = """
        user_id,event_timestamp,created,avg_amount,tx_count
        1,2026-01-01T00:00:00Z,2026-01-01T00:00:00Z,1.0,1
        1,2026-01-05T00:00:00Z,2026-01-05T00:00:00Z,5.0,5
        1,2026-01-05T00:00:00Z,2026-01-05T01:00:00Z,5.5,6
        2,2026-01-03T00:00:00Z,2026-01-03T00:00:00Z,,3
        3,2026-01-20T00:00:00Z,2026-01-20T00:00:00Z,20.0,20

        """

    init(ttl: Duration = .days(7), stores: StoreBackends = .embedded) throws {
        directory = try TemporaryDirectory()
        try directory.write("project: serving\n" + (try stores.yaml), to: "feature_store.yaml")
        try directory.write(Self.rows, to: "data/users.csv")
        store = try FeatureStore(repositoryPath: directory.path, logger: Logger(label: "test"))
        try store.apply(SampleRepository.manifest(ttl: ttl))
    }

    static func time(_ text: String) -> Timestamp { Timestamp(parsing: text)! }
}

@Suite(.serialized) struct FeatureStoreEndToEndTests {
    @Test(arguments: StoreBackends.allCases) func trainingSetIsPointInTimeCorrect(stores: StoreBackends) throws {
        let repository = try ServingRepository(stores: stores)
        try repository.directory.write(
            """
            user_id,event_timestamp,label
            1,2026-01-04T23:59:59Z,0
            1,2026-01-05T00:00:00Z,1
            1,2026-01-12T00:00:00Z,0
            1,2026-01-12T00:00:01Z,1
            2,2026-01-02T00:00:00Z,0
            2,2026-01-03T00:00:00Z,1
            9,2026-01-03T00:00:00Z,0

            """, to: "labels.csv")
        let report = try repository.store.getHistoricalFeatures(
            entitiesPath: "labels.csv",
            features: [
                FeatureReference(view: "user_stats", feature: "avg_amount"),
                FeatureReference(view: "user_stats", feature: "tx_count"),
            ],
            fullFeatureNames: true, outputPath: "train.csv")
        #expect(report.entityRows == 7)
        let output = try String(contentsOfFile: repository.directory.path + "/train.csv", encoding: .utf8)
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines[0] == "user_id,event_timestamp,label,user_stats__avg_amount,user_stats__tx_count")
        let features = lines.dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false).suffix(2).joined(separator: ",")
        }
        #expect(
            features == [
                "1.0,1",  // the Jan 5 rows are one second in the future
                "5.5,6",  // equal event time: the later created row wins
                "5.5,6",  // TTL lower bound is inclusive: exactly 7 days
                ",",  // one second past the TTL: nothing visible
                ",",  // before the user's first row
                ",3",  // a null in the winner stays null
                ",",  // an unknown user keeps its row
            ])
    }

    @Test(arguments: StoreBackends.allCases) func materializedValuesAreServedWithStatuses(stores: StoreBackends) throws
    {
        let repository = try ServingRepository(stores: stores)
        let reports = try repository.store.materialize(
            start: ServingRepository.time("2026-01-01"), end: ServingRepository.time("2026-01-10"))
        #expect(reports.map(\.write.keysWritten) == [2])
        let result = try repository.store.getOnlineFeatures(
            service: "model_v1",
            entities: [EntityColumn(name: "user_id", values: [.int64(1), .int64(2), .int64(3), .int64(1)])],
            now: ServingRepository.time("2026-01-09"))
        #expect(result.featureNames == ["user_id", "avg_amount", "tx_count"])
        #expect(result.columns[1].values == [.float64(5.5), .null, .null, .float64(5.5)])
        #expect(result.columns[1].statuses == [.present, .nullValue, .notFound, .present])
        #expect(result.columns[2].statuses == [.present, .present, .notFound, .present])
        #expect(result.columns[2].eventTimestamps[0] == ServingRepository.time("2026-01-05"))
        let later = try repository.store.getOnlineFeatures(
            service: "model_v1", entities: [EntityColumn(name: "user_id", values: [.int64(1)])],
            now: ServingRepository.time("2026-01-13"))
        #expect(later.columns[1].statuses == [.outsideMaxAge])
        #expect(later.columns[1].values == [.null])
    }

    @Test(arguments: StoreBackends.allCases) func incrementalMaterializationContinuesWhereTheLastRunEnded(
        stores: StoreBackends
    ) throws {
        let repository = try ServingRepository(stores: stores)
        let first = try repository.store.materializeIncremental(end: ServingRepository.time("2026-01-10"))
        #expect(first.first?.start == ServingRepository.time("2026-01-03"))
        #expect(first.first?.write.keysWritten == 2)
        let second = try repository.store.materializeIncremental(end: ServingRepository.time("2026-01-31"))
        #expect(second.first?.start == ServingRepository.time("2026-01-10"))
        #expect(second.first?.write.keysWritten == 1)
        #expect(
            try repository.store.registry().lastMaterializedEnd(of: "user_stats")
                == ServingRepository.time("2026-01-31"))
    }

    @Test(arguments: StoreBackends.allCases) func onlineReadErrorsNameTheProblem(stores: StoreBackends) throws {
        let repository = try ServingRepository(stores: stores)
        try repository.store.materialize(
            start: ServingRepository.time("2026-01-01"), end: ServingRepository.time("2026-01-31"))
        #expect(throws: DefinitionError.self) {
            try repository.store.getOnlineFeatures(
                features: [FeatureReference(view: "user_stats", feature: "nope")],
                entities: [EntityColumn(name: "user_id", values: [.int64(1)])])
        }
        #expect {
            try repository.store.getOnlineFeatures(
                service: "model_v1", entities: [EntityColumn(name: "customer", values: [.int64(1)])])
        } throws: { error in
            "\(error)".contains("'user_id'")
        }
        #expect {
            try repository.store.getOnlineFeatures(
                service: "model_v1", entities: [EntityColumn(name: "user_id", values: [.string("1")])])
        } throws: { error in
            "\(error)".contains("user_id")
        }
    }

    @Test(arguments: StoreBackends.allCases) func registryChangesAreSeenWithoutReopening(stores: StoreBackends) throws {
        let repository = try ServingRepository(stores: stores)
        #expect(try repository.store.currentRegistry().manifest.featureServices.count == 1)
        try repository.store.apply(SampleRepository.manifest(service: false))
        #expect(try repository.store.currentRegistry().manifest.featureServices.isEmpty)
    }
}

@Suite struct ApplyPrunesOnlineRowsTests {
    @Test(arguments: StoreBackends.allCases) func changedViewIsNotServedFromItsOldSchema(stores: StoreBackends) throws {
        let repository = try ServingRepository(stores: stores)
        try repository.store.materialize(
            start: ServingRepository.time("2026-01-01"), end: ServingRepository.time("2026-01-31"))
        let diff = try repository.store.apply(SampleRepository.manifest(features: [Field("avg_amount", .float64)]))
        #expect(diff.viewsNeedingMaterialization == ["user_stats"])
        let read = try repository.store.getOnlineFeatures(
            features: [FeatureReference(view: "user_stats", feature: "avg_amount")],
            entities: [EntityColumn(name: "user_id", values: [.int64(1)])], now: ServingRepository.time("2026-01-09"))
        #expect(read.columns[1].statuses == [.notFound])
        try repository.store.materialize(
            start: ServingRepository.time("2026-01-01"), end: ServingRepository.time("2026-01-31"))
        let again = try repository.store.getOnlineFeatures(
            features: [FeatureReference(view: "user_stats", feature: "avg_amount")],
            entities: [EntityColumn(name: "user_id", values: [.int64(1)])], now: ServingRepository.time("2026-01-09"))
        #expect(again.columns[1].values == [.float64(5.5)])
    }
}

@Suite struct OfflinePushTests {
    /// The sample view, fed by a push source over the same file.
    static func pushManifest() -> Manifest {
        let user = Entity("user", joinKey: "user_id")
        let file = FileSource("data/users.csv", timestamp: "event_timestamp", created: "created")
        let view = FeatureView(
            "user_stats", entities: [user], ttl: .days(7), source: PushSource("users_push", batchSource: file)
        ) {
            Field("avg_amount", .float64)
            Field("tx_count", .int64)
        }
        return FeatureRepository { view }.manifest
    }

    @Test(arguments: StoreBackends.allCases) func pushedRowsStayInTrainingSetsAfterTheFileChanges(
        stores: StoreBackends
    ) throws {
        let repository = try ServingRepository(stores: stores)
        try repository.store.apply(Self.pushManifest())
        try repository.store.push(
            source: "users_push",
            columns: PushColumns([
                "user_id": [.int64(4)], "event_timestamp": [.string("2026-01-06T00:00:00Z")],
                "avg_amount": [.float64(40)], "tx_count": [.int64(4)],
            ]),
            to: .offline)
        // The batch pipeline rewrites the file with one more day; the pushed row is not in it.
        try repository.directory.write(
            ServingRepository.rows + "2,2026-01-06T00:00:00Z,2026-01-06T00:00:00Z,2.5,4\n", to: "data/users.csv")
        try repository.directory.write(
            "user_id,event_timestamp\n4,2026-01-07T00:00:00Z\n2,2026-01-07T00:00:00Z\n", to: "labels.csv")
        try repository.store.getHistoricalFeatures(
            entitiesPath: "labels.csv", features: [FeatureReference(view: "user_stats", feature: "avg_amount")],
            outputPath: "train.csv")
        let output = try String(contentsOfFile: repository.directory.path + "/train.csv", encoding: .utf8)
        #expect(
            output
                == "user_id,event_timestamp,avg_amount\n4,2026-01-07T00:00:00.000000Z,40.0\n2,2026-01-07T00:00:00.000000Z,2.5\n"
        )
    }

    @Test(arguments: StoreBackends.allCases) func pushesAfterAReingestionGoToTheNewTable(stores: StoreBackends) throws {
        let repository = try ServingRepository(stores: stores)
        try repository.store.apply(Self.pushManifest())
        func push(_ user: Int64, _ amount: Double) throws {
            try repository.store.push(
                source: "users_push",
                columns: PushColumns([
                    "user_id": [.int64(user)], "event_timestamp": [.string("2026-01-06T00:00:00Z")],
                    "avg_amount": [.float64(amount)], "tx_count": [.int64(1)],
                ]),
                to: .offline)
        }
        try push(4, 40)
        // Another connection swaps the view's table while the pushes' connection stays open.
        try repository.directory.write(
            ServingRepository.rows + "2,2026-01-06T00:00:00Z,2026-01-06T00:00:00Z,2.5,4\n", to: "data/users.csv")
        let reports = try repository.store.ingest()
        #expect(reports.first?.keptAppendedRows == 1)
        try push(5, 50)
        try repository.directory.write(
            "user_id,event_timestamp\n4,2026-01-07T00:00:00Z\n5,2026-01-07T00:00:00Z\n", to: "labels.csv")
        try repository.store.getHistoricalFeatures(
            entitiesPath: "labels.csv", features: [FeatureReference(view: "user_stats", feature: "avg_amount")],
            outputPath: "train.csv")
        let output = try String(contentsOfFile: repository.directory.path + "/train.csv", encoding: .utf8)
        #expect(output.hasSuffix("4,2026-01-07T00:00:00.000000Z,40.0\n5,2026-01-07T00:00:00.000000Z,50.0\n"))
    }
}
