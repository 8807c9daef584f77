import Foundation
import Larder
import LarderCore
import LarderFormats
import LarderStores
import LarderTestSupport
import Logging
import Testing

/// On-demand features through the facade: the training set and the online read compute the
/// same bits, request fields come from the request or the entity file, and a missing or
/// mistyped field is named.
@Suite(.serialized) struct OnDemandFeatureTests {
    static let readTime = ServingRepository.time("2026-01-09T12:00:00Z")
    static let users: [Int64] = [1, 2, 3, 9, 1, 2]

    /// The sample repository's view and service, plus an on-demand view over it.
    static func manifest(_ features: [Transformation], requestFields: [RequestField]) -> Manifest {
        var manifest = SampleRepository.manifest()
        manifest.onDemandFeatureViews = [
            OnDemandFeatureView(name: "payment", requestFields: requestFields, features: features)
        ]
        manifest.featureServices.append(
            FeatureService(
                name: "scoring",
                selections: [FeatureSelection(featureView: "user_stats"), FeatureSelection(featureView: "payment")]))
        return manifest
    }

    static let fraudFeatures = [
        Transformation("amount_log", .float64, log(RequestField("amount", .float64).value + 1)),
        Transformation("hour", .int64, hour(.request("timestamp"))),
        Transformation("day_of_week", .int64, dayOfWeek(.request("timestamp"))),
        Transformation(
            "amount_over_avg", .float64,
            .request("amount") / .feature(FeatureReference(view: "user_stats", feature: "avg_amount"))),
    ]
    static let fraudFields = [RequestField("amount", .float64), RequestField("timestamp", .timestamp)]

    static func materialized(_ manifest: Manifest, stores: StoreBackends) throws -> ServingRepository {
        let repository = try ServingRepository(stores: stores)
        try repository.store.apply(manifest)
        try repository.store.materialize(
            start: ServingRepository.time("2026-01-01"), end: ServingRepository.time("2026-01-10"))
        return repository
    }

    @Test(arguments: StoreBackends.allCases) func servesOnDemandFeaturesOfAService(stores: StoreBackends) throws {
        let repository = try Self.materialized(
            Self.manifest(Self.fraudFeatures, requestFields: Self.fraudFields), stores: stores)
        let result = try repository.store.getOnlineFeatures(
            service: "scoring", entities: [EntityColumn(name: "user_id", values: [.int64(1), .int64(2)])],
            requestData: [
                EntityColumn(name: "amount", values: [.float64(11), .int64(3)]),
                EntityColumn(name: "timestamp", values: [.string("2024-01-07T23:30:00Z"), .int64(0)]),
            ], fullFeatureNames: true, now: Self.readTime)
        #expect(
            result.featureNames == [
                "user_id", "user_stats__avg_amount", "user_stats__tx_count", "payment__amount_log", "payment__hour",
                "payment__day_of_week", "payment__amount_over_avg",
            ])
        #expect(result.columns[3].values == [.float64(log(12.0)), .float64(log(4.0))])
        #expect(result.columns[4].values == [.int64(23), .int64(0)])
        #expect(result.columns[5].values == [.int64(6), .int64(3)])
        #expect(result.columns[6].values == [.float64(2), .null])
        #expect(result.columns[6].statuses == [.present, .nullValue])
        #expect(result.columns[6].eventTimestamps == [nil, nil])
    }

    @Test func requestFieldsMayComeAsEntityColumns() throws {
        let repository = try Self.materialized(
            Self.manifest(Self.fraudFeatures, requestFields: Self.fraudFields), stores: .memory)
        let result = try repository.store.getOnlineFeatures(
            features: [FeatureReference(view: "payment", feature: "amount_over_avg")],
            entities: [
                EntityColumn(name: "user_id", values: [.int64(1)]),
                EntityColumn(name: "amount", values: [.float64(2.75)]),
            ], now: Self.readTime)
        // As Feast's server does, the request field is not echoed among the keys.
        #expect(result.featureNames == ["user_id", "amount_over_avg"])
        #expect(result.columns[1].values == [.float64(0.5)])
    }

    @Test func aMissingOrMistypedRequestFieldIsNamed() throws {
        let repository = try Self.materialized(
            Self.manifest(Self.fraudFeatures, requestFields: Self.fraudFields), stores: .memory)
        let features = [FeatureReference(view: "payment", feature: "hour")]
        let keys = [EntityColumn(name: "user_id", values: [.int64(1)])]
        #expect(
            throws: RequestDataError(
                field: "timestamp",
                "is missing; an on-demand feature needs it (timestamp), as a column next to the entity keys or in 'request_data'"
            )
        ) {
            try repository.store.getOnlineFeatures(features: features, entities: keys, requestData: [])
        }
        #expect(throws: RequestDataError(field: "timestamp", "value string \"noon\" at row 0 is not a timestamp")) {
            try repository.store.getOnlineFeatures(
                features: features, entities: keys,
                requestData: [EntityColumn(name: "timestamp", values: [.string("noon")])])
        }
        try repository.directory.write("user_id,event_timestamp\n1,2026-01-09T00:00:00Z\n", to: "rows.csv")
        #expect(throws: RequestDataError.self) {
            try repository.store.getHistoricalFeatures(
                entitiesPath: "rows.csv", features: features, outputPath: "out.csv")
        }
        do {
            try repository.store.getHistoricalFeatures(
                entitiesPath: "rows.csv", features: features, outputPath: "out.csv")
        } catch {
            #expect("\(error)".contains("has no column 'timestamp', which an on-demand feature reads (timestamp)"))
        }
    }

    @Test func applyRejectsAnIllTypedExpression() throws {
        let repository = try ServingRepository(stores: .memory)
        let manifest = Self.manifest(
            [Transformation("bad", .float64, log(.request("timestamp")))], requestFields: Self.fraudFields)
        #expect(throws: DefinitionErrors.self) { try repository.store.apply(manifest) }
        do {
            try repository.store.apply(manifest)
        } catch {
            #expect(
                "\(error)"
                    == "on-demand feature view 'payment', field 'features[0].expression': feature 'bad': in 'log(timestamp)': log takes numbers, not timestamp"
            )
        }
    }

    /// Random expressions over request fields and stored features, computed for the same
    /// rows by the training set and the online read: identical bits.
    @Test(arguments: StoreBackends.allCases) func trainingAndServingComputeIdenticalBits(stores: StoreBackends) throws {
        var rng = SeededGenerator(seed: 1717)
        let generator = ExpressionGenerator(extra: [
            .float64: [.feature(FeatureReference(view: "user_stats", feature: "avg_amount"))],
            .int64: [.feature(FeatureReference(view: "user_stats", feature: "tx_count"))],
        ])
        let environment = ExpressionEnvironment(
            requestFields: Dictionary(
                uniqueKeysWithValues: ExpressionGenerator.requestFields.map { ($0.name, $0.type) }),
            features: SampleRepository.manifest().featureTypes)
        var features: [Transformation] = []
        for index in 0..<60 {
            let expression = generator.expression(
                of: ExpressionGenerator.types[index % ExpressionGenerator.types.count], depth: 4, using: &rng)
            features.append(Transformation("f\(index)", try expression.type(in: environment), expression))
        }
        let requests = (0..<200).map { _ in ExpressionGenerator.request(using: &rng) }
        try Self.expectSameBits(features: features, requests: requests, stores: stores)
    }

    /// The expression corpus, every expression on every corpus request: identical bits.
    @Test(arguments: StoreBackends.allCases) func theCorpusComputesIdenticalBits(stores: StoreBackends) throws {
        let environment = ExpressionEnvironment(
            requestFields: Dictionary(
                uniqueKeysWithValues: ExpressionGenerator.requestFields.map { ($0.name, $0.type) }))
        let expressions = ExpressionCorpus.all.map(\.expression) + ExpressionCorpus.nullPropagating
        let features = try expressions.enumerated().map { index, expression in
            Transformation("c\(index)", try expression.type(in: environment), expression)
        }
        let requests = ExpressionCorpus.all.map(\.request) + [ExpressionCorpus.present, [:]]
        try Self.expectSameBits(features: features, requests: requests, stores: stores)
    }

    /// Builds a training set and reads online the same rows (users of `users`, at `readTime`)
    /// and expects every on-demand feature to have the same bits in both.
    static func expectSameBits(features: [Transformation], requests: [[String: Value]], stores: StoreBackends) throws {
        let repository = try Self.materialized(
            Self.manifest(features, requestFields: ExpressionGenerator.requestFields), stores: stores)
        let rowCount = requests.count
        let users = (0..<rowCount).map { Value.int64(Self.users[$0 % Self.users.count]) }
        try Self.writeEntityFile(
            repository.directory.path + "/rows.parquet", users: users, requests: requests, time: Self.readTime)
        let references = features.map { FeatureReference(view: "payment", feature: $0.name) }
        try repository.store.getHistoricalFeatures(
            entitiesPath: "rows.parquet", features: references, outputPath: "train.parquet")
        let training = try ParquetReader(path: repository.directory.path + "/train.parquet").readAll()
        let online = try repository.store.getOnlineFeatures(
            features: references, entities: [EntityColumn(name: "user_id", values: users)],
            requestData: ExpressionGenerator.requestFields.map { field in
                EntityColumn(name: field.name, values: requests.map { $0[field.name] ?? .null })
            }, now: Self.readTime)
        for (index, feature) in features.enumerated() {
            let offline = try #require(training.column(named: feature.name))
            let served = online.columns[1 + index]
            for row in 0..<rowCount {
                let a = offline.value(at: row)
                let b = served.values[row]
                #expect(Self.sameBits(a, b), "\(feature.name) = \(feature.expression), row \(row): \(a) vs \(b)")
            }
        }
    }

    static func sameBits(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.float64(let x), .float64(let y)): x.bitPattern == y.bitPattern
        case (.float32(let x), .float32(let y)): x.bitPattern == y.bitPattern
        default: a == b
        }
    }

    /// An entity file with the user key, the row time and every request field, exactly typed.
    static func writeEntityFile(_ path: String, users: [Value], requests: [[String: Value]], time: Timestamp) throws {
        var builders = [
            FeatureColumnBuilder(name: "user_id", type: .int64),
            FeatureColumnBuilder(name: "event_timestamp", type: .timestamp),
        ]
        builders += ExpressionGenerator.requestFields.map { FeatureColumnBuilder(name: $0.name, type: $0.type) }
        for (row, request) in requests.enumerated() {
            builders[0].append(users[row])
            builders[1].append(.timestamp(time))
            for (index, field) in ExpressionGenerator.requestFields.enumerated() {
                builders[2 + index].append(request[field.name] ?? .null)
            }
        }
        let columns = builders.indices.map { builders[$0].build() }
        let writer = try ParquetWriter(
            path: path,
            schema: TableSchema(columns: columns.map { ColumnSchema(name: $0.name, type: $0.type, nullable: true) }))
        try writer.write(ColumnBatch(columns: columns, rowCount: requests.count))
        try writer.close()
    }
}
