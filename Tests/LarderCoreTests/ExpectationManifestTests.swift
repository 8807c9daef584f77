import Foundation
import LarderCore
import Testing

@Suite struct ExpectationManifestTests {
    static func manifest() -> Manifest {
        let user = Entity("user", joinKey: "user_id")
        let view = FeatureView("payments", entities: [user], source: FileSource("data/payments.csv")) {
            Field("amount", .float64)
            Field("category", .string)
        }
        .expecting(.warn) {
            Expect.notNull("amount")
            Expect.between("amount", 0.01, 100_000)
            Expect.inSet("category", ["food", "travel"])
            Expect.unique()
            Expect.unique("transaction_id")
            Expect.maxNullFraction("category", 0.05)
            Expect.matches("category", "^[a-z]+$")
            Expect.rowCount(min: 1, max: 1_000_000)
        }
        return FeatureRepository { view }.manifest
    }

    @Test func theDSLsExpectationsRoundTripThroughTheManifest() throws {
        let manifest = Self.manifest()
        let text = manifest.jsonText()
        #expect(text.contains(#""rule" : "between""#))
        #expect(text.contains(#""policy" : "warn""#))
        #expect(try Manifest.decode(from: Data(text.utf8)) == manifest)
        #expect(manifest.validationErrors().isEmpty)
    }

    @Test func aViewWithoutExpectationsKeepsItsFormAndOlderJSONReads() throws {
        var manifest = Self.manifest()
        manifest.featureViews[0].expectations = ViewExpectations()
        let text = manifest.jsonText()
        #expect(!text.contains("expectations"))
        #expect(try Manifest.decode(from: Data(text.utf8)).featureViews[0].expectations.isEmpty)
    }

    @Test func theDefaultPolicyIsReject() throws {
        let json = """
            {"manifest_version": 2, "entities": [{"name": "user", "join_keys": [{"name": "user_id", "type": "int64"}]}],
             "sources": [{"kind": "file", "name": "s", "path": "s.csv", "timestamp_field": "event_timestamp"}],
             "feature_views": [{"name": "v", "entities": ["user"], "source": "s",
               "features": [{"name": "amount", "type": "float64"}],
               "expectations": {"rules": [{"rule": "not_null", "column": "amount"}]}}]}
            """
        let view = try Manifest.decode(from: Data(json.utf8)).featureViews[0]
        #expect(view.expectations == ViewExpectations(policy: .reject, rules: [.notNull("amount")]))
    }

    @Test(arguments: [
        (#"{"rule": "nonnull", "column": "amount"}"#, "unknown rule 'nonnull'"),
        (#"{"rule": "between", "column": "amount", "min": 1}"#, "expectations.rules[0].max"),
        (#"{"rule": "not_null", "column": "amount", "min": 1}"#, "rule 'not_null' takes 'column'"),
        (
            #"{"rule": "in_set", "column": "amount", "values": [1.5]}"#,
            "an in_set value is a string, an integer or a boolean"
        ),
    ])
    func malformedRulesAreNamed(rule: String, message: String) throws {
        let json = """
            {"manifest_version": 2, "feature_views": [{"name": "v", "entities": ["user"], "source": "s",
               "features": [{"name": "amount", "type": "float64"}], "expectations": {"rules": [\(rule)]}}]}
            """
        let error = try #require(throws: DefinitionError.self) { try Manifest.decode(from: Data(json.utf8)) }
        #expect(error.description.contains(message), "\(error)")
    }
}
