import Foundation
import LarderCore
import Testing

/// The fraud example, declared with the DSL.
func fraudRepository(userTTL: Duration = .days(7)) -> FeatureRepository {
    let user = Entity("user", joinKey: "user_id", type: .int64, description: "A card holder")
    let merchant = Entity("merchant", joinKey: "merchant_id")
    let userFile = FileSource("data/user_stats.parquet", timestamp: "event_timestamp", created: "created")
    let push = PushSource("user_push", batchSource: userFile)
    let userStats = FeatureView("user_stats", entities: [user], ttl: userTTL, source: push, tags: ["team": "fraud"]) {
        Field("avg_amount_7d", .float64)
        Field("tx_count_7d", .int64)
        Field("embedding", .list(.float32))
    }
    let merchantStats = FeatureView(
        "merchant_stats", entities: [merchant],
        source: FileSource("data/merchants.csv", fieldMapping: ["cat": "category"])
    ) {
        Field("category", .string)
        for window in [1, 30] { Field("tx_count_\(window)d", .int64) }
    }
    return FeatureRepository {
        userStats
        merchantStats
        FeatureService("fraud_v1") {
            userStats
            merchantStats.select("tx_count_1d")
        }
    }
}

@Suite struct ManifestTests {
    @Test func dslCollectsEntitiesAndSourcesOfViewsAndServices() {
        let manifest = fraudRepository().manifest
        #expect(manifest.entities.map(\.name) == ["user", "merchant"])
        #expect(manifest.sources.map(\.name) == ["user_push", "merchants"])
        #expect(manifest.featureViews.map(\.name) == ["user_stats", "merchant_stats"])
        #expect(manifest.featureViews[1].features.map(\.name) == ["category", "tx_count_1d", "tx_count_30d"])
        #expect(manifest.featureViews[0].ttl == .days(7))
        #expect(manifest.featureViews[1].ttl == nil)
        #expect(manifest.validationErrors().isEmpty)
    }

    @Test func manifestRoundTripsThroughJSON() throws {
        let manifest = fraudRepository().manifest
        let decoded = try Manifest.decode(from: Data(manifest.jsonText().utf8))
        #expect(decoded == manifest)
        #expect(decoded.jsonText() == manifest.jsonText())
    }

    @Test func minimalHandWrittenManifestIsAccepted() throws {
        let json = """
            {"manifest_version": 1,
             "entities": [{"name": "user", "join_keys": [{"name": "user_id", "type": "int64"}]}],
             "sources": [{"kind": "file", "name": "stats", "path": "stats.csv", "timestamp_field": "ts"}],
             "feature_views": [{"name": "v", "entities": ["user"], "source": "stats", "ttl_seconds": 3600,
                                "features": [{"name": "f", "type": "float64"}]}]}
            """
        let manifest = try Manifest.decode(from: Data(json.utf8))
        #expect(manifest.featureViews[0].ttl == .seconds(3600))
        #expect(manifest.featureViews[0].online)
        #expect(manifest.validationErrors().isEmpty)
    }

    @Test func malformedManifestNamesTheMember() {
        let json = #"{"manifest_version": 1, "feature_views": [{"name": "v", "entities": ["user"], "source": "s"}]}"#
        #expect {
            try Manifest.decode(from: Data(json.utf8))
        } throws: { error in
            (error as? DefinitionError)?.field == "feature_views[0].features"
        }
    }

    @Test func newerManifestVersionIsRejected() {
        #expect(throws: DefinitionError.self) { try Manifest.decode(from: Data(#"{"manifest_version": 99}"#.utf8)) }
    }

    @Test func featureReferencesResolveAndClashesAreNamed() throws {
        let manifest = fraudRepository().manifest
        let references = try manifest.references(ofService: "fraud_v1")
        #expect(
            references.map(\.description) == [
                "user_stats:avg_amount_7d", "user_stats:tx_count_7d", "user_stats:embedding",
                "merchant_stats:tx_count_1d",
            ])
        let resolved = try manifest.resolve(references, fullFeatureNames: true)
        #expect(resolved.last?.outputName == "merchant_stats__tx_count_1d")
        #expect(throws: DefinitionError.self) { try FeatureReference(parsing: "no_colon") }
        #expect(throws: DefinitionError.self) {
            try manifest.resolve([FeatureReference(view: "nope", feature: "x")], fullFeatureNames: false)
        }
    }
}
