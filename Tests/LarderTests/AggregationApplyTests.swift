import Foundation
import Larder
import LarderCore
import LarderTestSupport
import Logging
import Testing

/// `apply` checks aggregation views against their definitions and their event files, naming
/// the view, the aggregation and what is wrong; nothing is written when one is wrong.
@Suite struct AggregationApplyTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var aggregations: [Aggregation]
        var field: String
        var message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "sum of a string", aggregations: [Aggregation("category", .sum, window: "7d")],
            field: "aggregations[0].column", message: "sum cannot aggregate 'category' of type string"),
        Case(
            name: "a missing column", aggregations: [Aggregation("amont", .mean, window: "7d")],
            field: "aggregations[0].column", message: "event column 'amont' is missing from data/transactions.csv"),
        Case(
            name: "a zero window", aggregations: [Aggregation("amount", .mean, window: "0d")],
            field: "aggregations[0].window", message: "'0d' is not a window"),
        Case(
            name: "a window without a unit", aggregations: [Aggregation("amount", .mean, window: "7")],
            field: "aggregations[0].window", message: "'7' is not a window"),
        Case(
            name: "count with a column",
            aggregations: [
                Aggregation(
                    column: "amount", function: .count, window: "7d", name: nil, columnType: nil, description: "")
            ], field: "aggregations[0].column", message: "count counts events and takes no column"),
        Case(
            name: "colliding names",
            aggregations: [
                Aggregation("amount", .mean, window: "7d"),
                Aggregation("amount", .max, window: "7d", name: "amount_mean_7d"),
            ], field: "aggregations[1]", message: "feature 'amount_mean_7d' is declared twice"),
        Case(
            name: "a join key as the column", aggregations: [Aggregation("user_id", .countDistinct, window: "7d")],
            field: "aggregations[0].column", message: "'user_id' is a join key of the view"),
        Case(
            name: "a declared type the file contradicts",
            aggregations: [Aggregation("category", .countDistinct, window: "7d", type: .int64)],
            field: "aggregations[0].column",
            message: "data/transactions.csv:2: column 'category': 'grocery' is not an int64"),
    ]

    static func manifest(_ aggregations: [Aggregation]) -> Manifest {
        let user = Entity("user", joinKey: "user_id")
        let view = FeatureView(
            "user_tx", entities: [user], source: FileSource("data/transactions.csv", name: "transactions")
        ) { aggregations }
        return FeatureRepository { view }.manifest
    }

    static func repository() throws -> (TemporaryDirectory, FeatureStore) {
        let directory = try TemporaryDirectory()
        try directory.write("project: checks\n", to: "feature_store.yaml")
        try directory.write(
            "user_id,amount,category,event_timestamp\n1,2.5,grocery,2026-01-01T00:00:00Z\n", to: "data/transactions.csv"
        )
        return (directory, try FeatureStore(repositoryPath: directory.path, logger: Logger(label: "test")))
    }

    @Test(arguments: cases) func eachMistakeIsNamedAndNothingIsApplied(_ testCase: Case) throws {
        let (directory, store) = try Self.repository()
        defer { withExtendedLifetime(directory) {} }
        let thrown = #expect(throws: DefinitionErrors.self) { try store.apply(Self.manifest(testCase.aggregations)) }
        let error = try #require(thrown?.errors.first)
        #expect(error.object == "feature view 'user_tx'")
        #expect(error.field == testCase.field)
        #expect(error.message.contains(testCase.message), "\(error.message)")
        #expect(try store.registry().manifest.featureViews.isEmpty)
    }

    @Test func applyRecordsTheColumnTypesAndPlanThenSeesNoChange() throws {
        let (directory, store) = try Self.repository()
        defer { withExtendedLifetime(directory) {} }
        let manifest = Self.manifest([
            Aggregation("amount", .sum, window: "7d"), Aggregation("category", .last, window: "1h"),
        ])
        try store.apply(manifest)
        let view = try #require(try store.registry().manifest.featureView(named: "user_tx"))
        #expect(view.aggregations?.map(\.columnType) == [.float64, .string])
        #expect(view.features.map(\.type) == [.float64, .string])
        #expect(try store.plan(manifest).isEmpty)
    }

    @Test func aPushSourceWithoutItsFileNeedsDeclaredTypes() throws {
        let (directory, store) = try Self.repository()
        defer { withExtendedLifetime(directory) {} }
        let user = Entity("user", joinKey: "user_id")
        let pushed = PushSource("events_push", batchSource: FileSource("data/later.csv", name: "later"))
        let untyped = FeatureView("user_tx", entities: [user], source: pushed) {
            Aggregation("amount", .sum, window: "7d")
        }
        let thrown = #expect(throws: DefinitionErrors.self) { try store.apply(FeatureRepository { untyped }.manifest) }
        #expect(thrown?.errors.first?.message.contains("declare its column_type") == true)
        let typed = FeatureView("user_tx", entities: [user], source: pushed) {
            Aggregation("amount", .sum, window: "7d", type: .int64)
        }
        try store.apply(FeatureRepository { typed }.manifest)
        #expect(
            try store.registry().manifest.featureView(named: "user_tx")?.features == [Field("amount_sum_7d", .int64)])
    }

    @Test func manifestsOfVersionOneStillReadAndCannotHoldAggregations() throws {
        let plain =
            #"{"manifest_version": 1, "feature_views": [{"name": "v", "entities": ["user"], "source": "s", "features": [{"name": "x", "type": "int64"}]}]}"#
        #expect(try Manifest.decode(from: Data(plain.utf8)).featureViews.map(\.name) == ["v"])
        let aggregated =
            #"{"manifest_version": 1, "feature_views": [{"name": "v", "entities": ["user"], "source": "s", "aggregations": [{"function": "count", "window": "7d"}]}]}"#
        let thrown = #expect(throws: DefinitionError.self) { try Manifest.decode(from: Data(aggregated.utf8)) }
        #expect(thrown?.field == "feature_views[0].aggregations")
        #expect(thrown?.message.contains("manifest_version 2") == true)
        let both =
            #"{"manifest_version": 2, "feature_views": [{"name": "v", "entities": ["user"], "source": "s", "features": [], "aggregations": []}]}"#
        #expect(throws: DefinitionError.self) { try Manifest.decode(from: Data(both.utf8)) }
        let contract =
            #"{"manifest_version": 2, "feature_views": [{"name": "user_tx", "entities": ["user"], "source": "transactions", "aggregations": [{"function": "count", "window": "7d"}, {"column": "amount", "function": "mean", "window": "30d"}, {"column": "merchant_id", "function": "count_distinct", "window": "30d", "name": "merchants_30d"}]}]}"#
        let view = try #require(try Manifest.decode(from: Data(contract.utf8)).featureViews.first)
        #expect(view.features.map(\.name) == ["count_7d", "amount_mean_30d", "merchants_30d"])
        let again = try Manifest.decode(from: Data(Manifest(featureViews: [view]).jsonText().utf8))
        #expect(again.featureViews == [view])
    }
}
