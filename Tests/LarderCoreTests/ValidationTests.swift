import LarderCore
import Testing

@Suite struct ValidationTests {
    /// A manifest edited to carry one mistake, and the object and field the error must name.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var edit: @Sendable (inout Manifest) -> Void
        var object: String
        var field: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "unknown entity", edit: { $0.featureViews[0].entities = ["usr"] },
            object: "feature view 'user_stats'", field: "entities[0]"),
        Case(
            name: "duplicate view name", edit: { $0.featureViews[1].name = "user_stats" },
            object: "feature view 'user_stats'", field: "name"),
        Case(
            name: "duplicate entity name", edit: { $0.entities.append($0.entities[0]) },
            object: "entity 'user'", field: "name"),
        Case(
            name: "negative TTL", edit: { $0.featureViews[0].ttl = .seconds(-5) },
            object: "feature view 'user_stats'", field: "ttl"),
        Case(
            name: "unknown source", edit: { $0.featureViews[0].source = "nowhere" },
            object: "feature view 'user_stats'", field: "source"),
        Case(
            name: "service names unknown view", edit: { $0.featureServices[0].selections[0].featureView = "ghost" },
            object: "feature service 'fraud_v1'", field: "features[0].feature_view"),
        Case(
            name: "service names unknown feature", edit: { $0.featureServices[0].selections[1].features = ["nope"] },
            object: "feature service 'fraud_v1'", field: "features[1].features[0]"),
        Case(
            name: "feature declared twice",
            edit: { $0.featureViews[0].features.append($0.featureViews[0].features[0]) },
            object: "feature view 'user_stats'", field: "features[3]"),
        Case(
            name: "feature named like a join key", edit: { $0.featureViews[0].features[0].name = "user_id" },
            object: "feature view 'user_stats'", field: "features[0]"),
        Case(
            name: "list join key", edit: { $0.entities[0].joinKeys[0].type = .list(.int64) },
            object: "entity 'user'", field: "join_keys[0]"),
        Case(
            name: "source without format",
            edit: { $0.sources[1] = .file(FileSource("data/merchants.txt", name: "merchants")) },
            object: "source 'merchants'", field: "format"),
    ]

    @Test(arguments: cases)
    func eachMistakeIsNamed(_ testCase: Case) throws {
        var manifest = fraudRepository().manifest
        testCase.edit(&manifest)
        let errors = manifest.validationErrors()
        let error = try #require(errors.first)
        #expect(error.object == testCase.object)
        #expect(error.field == testCase.field)
        #expect(throws: DefinitionErrors.self) { try manifest.validate() }
    }

    @Test func everyProblemIsReportedAtOnce() {
        var manifest = fraudRepository().manifest
        manifest.featureViews[0].entities = ["usr"]
        manifest.featureViews[1].ttl = .seconds(-1)
        #expect(manifest.validationErrors().count == 2)
    }
}
