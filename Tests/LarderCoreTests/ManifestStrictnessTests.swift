import Foundation
import LarderCore
import Testing

/// A manifest with a typo is refused, naming the member and the member meant; invalid JSON
/// is located by line and column.
@Suite struct ManifestStrictnessTests {
    static let valid = """
        {"manifest_version": 1,
         "entities": [{"name": "user", "join_keys": [{"name": "user_id", "type": "int64"}]}],
         "sources": [{"kind": "file", "name": "stats", "path": "stats.csv", "timestamp_field": "ts"}],
         "feature_views": [{"name": "v", "entities": ["user"], "source": "stats", "ttl_seconds": 3600,
                            "features": [{"name": "f", "type": "float64"}]}],
         "feature_services": [{"name": "s", "features": [{"feature_view": "v", "features": ["f"]}]}]}
        """

    func error(_ json: String) throws -> DefinitionError {
        try #require(throws: DefinitionError.self) { try Manifest.decode(from: Data(json.utf8)) }
    }

    @Test func theValidManifestDecodes() throws {
        #expect(try Manifest.decode(from: Data(Self.valid.utf8)).featureViews.first?.ttl == .seconds(3600))
    }

    @Test(arguments: [
        (#""ttl_seconds": 3600"#, #""ttl_secnds": 3600"#, "feature_views[0].ttl_secnds", "ttl_seconds"),
        (#""feature_views":"#, #""featureviews":"#, "featureviews", "feature_views"),
        (#""join_keys""#, #""joinkeys""#, "entities[0].joinkeys", "join_keys"),
        (#""timestamp_field""#, #""timestamp_feild""#, "sources[0].timestamp_feild", "timestamp_field"),
        (
            #"{"name": "f", "type": "float64"}"#, #"{"name": "f", "typ": "float64"}"#,
            "feature_views[0].features[0].typ", "type"
        ),
        (
            #"{"feature_view": "v","#, #"{"featureview": "v","#, "feature_services[0].features[0].featureview",
            "feature_view"
        ),
        (#""user_id", "type""#, #""user_id", "tpye""#, "entities[0].join_keys[0].tpye", "type"),
    ])
    func unknownMemberNamesItsPathAndTheClosestKnownMember(
        known: String, typo: String, path: String, suggestion: String
    ) throws {
        let manifest = Self.valid.replacingOccurrences(of: known, with: typo)
        #expect(manifest != Self.valid)
        let error = try error(manifest)
        #expect(error.field == path)
        #expect(error.message == "unknown member; did you mean \"\(suggestion)\"?")
        #expect(error.description.contains("'\(path)'"))
    }

    @Test func anUnknownMemberFarFromEveryKnownOneListsThem() throws {
        let error = try error(Self.valid.replacingOccurrences(of: #""ttl_seconds": 3600"#, with: #""x": 1"#))
        #expect(error.field == "feature_views[0].x")
        #expect(error.message.contains("known members: name, entities, features, source, ttl_seconds"))
    }

    @Test(arguments: [
        ("{\"manifest_version\": 1,\n \"entities\": [}", 2, 15, "unexpected '}'; expected a value"),
        ("{\"manifest_version\": 1\n \"entities\": []}", 2, 2, "unexpected '\"'; expected ',' or '}'"),
        ("{\"manifest_version\": 1,\n\n   \"entities\" []}", 3, 15, "unexpected '['; expected ':' after a member name"),
        ("{\"manifest_version\": 1, \"entities\": [", 1, 38, "the document ends where a value was expected"),
        ("{\"a\": \"é\", \"b\": tru}", 1, 17, "unexpected text; expected true"),
    ])
    func invalidJSONIsLocatedByLineAndColumn(json: String, line: Int, column: Int, message: String) throws {
        let error = try error(json)
        #expect(error.description == "manifest: invalid JSON at line \(line), column \(column): \(message)")
    }

    @Test func spellingSuggestsOnlyCloseNames() {
        #expect(Spelling.distance("materialise", "materialize") == 1)
        #expect(Spelling.distance("ab", "ba") == 1)
        #expect(
            Spelling.closest(to: "materialise", among: ["materialize", "materialize-incremental"]) == "materialize")
        #expect(Spelling.closest(to: "data_sources", among: ["data-sources", "entities"]) == "data-sources")
        #expect(Spelling.closest(to: "xyz", among: ["materialize", "serve"]) == nil)
    }
}
