import Foundation
import LarderCore
import Testing

/// On-demand views in the manifest: their JSON form round-trips, a manifest without them
/// keeps its form, the DSL collects the views they read, and services may list them.
@Suite struct OnDemandManifestTests {
    static let user = Entity("user", joinKey: "user_id", type: .int64)
    static let stats = FeatureView(
        "user_stats", entities: [user], source: FileSource("data/stats.csv", timestamp: "event_timestamp")
    ) {
        Field("avg_amount_30d", .float64)
    }
    static let amount = RequestField("amount", .float64)
    static let time = RequestField("timestamp", .timestamp)
    static let lowest: FeatureExpression = .literal(.float64(-.infinity))
    static let payment = OnDemandFeatureView("payment", requestFields: [amount, time], sources: [stats]) {
        Transformation("amount_log", .float64, log(amount.value + 1))
        Transformation("hour_paris", .int64, hour(time.value, timeZone: "Europe/Paris"))
        Transformation("ratio", .float64, amount.value / stats["avg_amount_30d"])
        Transformation("risky", .bool, amount.value > 1000.0 || amount.value.isIn([Value.float64(.infinity)]))
        Transformation("bucket", .int64, bucketize(coalesce(amount.value, 0.0), [10, 100]))
        Transformation("big", .float64, when(amount.value.isNull, then: .null, else: clamp(amount.value, lowest, 1e9)))
    }

    @Test func theDSLCollectsTheViewsAnOnDemandViewReads() throws {
        let manifest = FeatureRepository {
            FeatureService("scoring") {
                Self.payment
                Self.stats.select("avg_amount_30d")
            }
        }.manifest
        #expect(manifest.onDemandFeatureViews.map(\.name) == ["payment"])
        #expect(manifest.featureViews.map(\.name) == ["user_stats"])
        #expect(manifest.validationErrors() == [])
        #expect(
            try manifest.references(ofService: "scoring").map(\.description) == [
                "payment:amount_log", "payment:hour_paris", "payment:ratio", "payment:risky", "payment:bucket",
                "payment:big", "user_stats:avg_amount_30d",
            ])
    }

    @Test func theJSONFormRoundTrips() throws {
        let manifest = FeatureRepository { Self.payment }.manifest
        let text = manifest.jsonText()
        #expect(text.contains("\"on_demand_feature_views\""))
        #expect(text.contains("\"literal\" : \"-Infinity\""))
        let decoded = try Manifest.decode(from: Data(text.utf8))
        #expect(decoded.jsonText() == text)
        #expect(decoded.onDemandFeatureViews[0].features[0] == manifest.onDemandFeatureViews[0].features[0])
    }

    @Test func aManifestWithoutOnDemandViewsKeepsItsForm() {
        let text = FeatureRepository { Self.stats }.manifest.jsonText()
        #expect(!text.contains("on_demand"))
    }

    @Test func theDocumentedJSONFormDecodes() throws {
        let json = """
            {"manifest_version": 2,
             "on_demand_feature_views": [{
               "name": "payment",
               "request_fields": [{"name": "amount", "type": "float64"}, {"name": "timestamp", "type": "timestamp"}],
               "features": [
                 {"name": "amount_log", "type": "float64",
                  "expression": {"call": "log", "args": [{"call": "add", "args": [{"request": "amount"}, {"literal": 1, "type": "int64"}]}]}},
                 {"name": "hour", "type": "int64", "expression": {"time_part": "hour", "arg": {"request": "timestamp"}}},
                 {"name": "risky", "type": "bool",
                  "expression": {"in": ["gambling", "crypto"], "arg": {"cast": "string", "arg": {"request": "amount"}}}},
                 {"name": "bucket", "type": "int64", "expression": {"bucketize": [10, 100], "arg": {"request": "amount"}}}
               ]}]}
            """
        let manifest = try Manifest.decode(from: Data(json.utf8))
        let view = try #require(manifest.onDemandFeatureView(named: "payment"))
        #expect(view.features[0].expression == log(.request("amount") + 1))
        #expect(view.features[1].expression == hour(.request("timestamp")))
        #expect(manifest.validationErrors() == [])
    }

    @Test func anExpressionWithTwoKindsOrAnUnknownMemberIsRefused() {
        let twoKinds = """
            {"manifest_version": 2, "on_demand_feature_views": [{"name": "p", "features": [
              {"name": "a", "type": "int64", "expression": {"request": "x", "literal": 1, "type": "int64"}}]}]}
            """
        #expect(throws: DefinitionError.self) { try Manifest.decode(from: Data(twoKinds.utf8)) }
        let misspelled = """
            {"manifest_version": 2, "on_demand_feature_views": [{"name": "p", "features": [
              {"name": "a", "type": "int64", "expression": {"call": "abs", "argz": []}}]}]}
            """
        do {
            _ = try Manifest.decode(from: Data(misspelled.utf8))
            Issue.record("decoded")
        } catch {
            #expect("\(error)".contains("on_demand_feature_views[0].features[0].expression.argz"))
        }
    }
}
