import Foundation
import Larder
import LarderCore
import LarderTestSupport
import Logging
import Testing

/// A repository with a CSV source and the manifest that describes it.
struct SampleRepository {
    let directory: TemporaryDirectory
    let store: FeatureStore

    init() throws {
        directory = try TemporaryDirectory()
        try directory.write("project: sample\n", to: "feature_store.yaml")
        try directory.write(
            "user_id,event_timestamp,created,avg_amount,tx_count\n1,2026-01-01T00:00:00Z,2026-01-01T00:01:00Z,2.5,3\n",
            to: "data/users.csv")
        store = try FeatureStore(repositoryPath: directory.path, logger: Logger(label: "test"))
    }

    static func manifest(ttl: Duration = .days(7), features: [Field]? = nil, service: Bool = true) -> Manifest {
        let user = Entity("user", joinKey: "user_id")
        let view = FeatureView(
            "user_stats", entities: [user], ttl: ttl,
            source: FileSource("data/users.csv", timestamp: "event_timestamp", created: "created")
        ) {
            features ?? [Field("avg_amount", .float64), Field("tx_count", .int64)]
        }
        return FeatureRepository {
            view
            if service { FeatureService("model_v1") { view } }
        }.manifest
    }
}

@Suite struct ApplyTests {
    @Test func firstApplyCreatesEverythingAndSecondChangesNothing() throws {
        let repository = try SampleRepository()
        let first = try repository.store.apply(SampleRepository.manifest())
        #expect(first.changes.map(\.action) == [.create, .create, .create, .create])
        #expect(first.changes.map(\.kind) == [.entity, .source, .featureView, .featureService])
        #expect(try repository.store.registry().manifest == SampleRepository.manifest())
        #expect(try repository.store.apply(SampleRepository.manifest()).isEmpty)
    }

    @Test func updateNamesTheChangedMembers() throws {
        let repository = try SampleRepository()
        try repository.store.apply(SampleRepository.manifest())
        let diff = try repository.store.plan(
            SampleRepository.manifest(ttl: .days(14), features: [Field("avg_amount", .float64)]))
        let change = try #require(diff.changes.first)
        #expect(diff.changes.count == 1)
        #expect(change.action == .update)
        #expect(change.details.contains("features removed: tx_count"))
        #expect(change.details.contains("ttl_seconds: 604800 → 1209600"))
        #expect(diff.viewsNeedingMaterialization == ["user_stats"])
    }

    @Test func deleteIsReported() throws {
        let repository = try SampleRepository()
        try repository.store.apply(SampleRepository.manifest())
        let diff = try repository.store.apply(SampleRepository.manifest(service: false))
        #expect(diff.changes.map(\.description) == ["Deleted feature service 'model_v1'"])
        #expect(try repository.store.registry().manifest.featureServices.isEmpty)
    }

    @Test func planWritesNothing() throws {
        let repository = try SampleRepository()
        let diff = try repository.store.plan(SampleRepository.manifest())
        #expect(diff.changes.count == 4)
        #expect(!FileManager.default.fileExists(atPath: repository.store.registryFile.path))
    }

    @Test func invalidDefinitionsWriteNothing() throws {
        let repository = try SampleRepository()
        try repository.store.apply(SampleRepository.manifest())
        let before = try Data(contentsOf: URL(fileURLWithPath: repository.store.registryFile.path))
        #expect(throws: DefinitionErrors.self) {
            try repository.store.apply(SampleRepository.manifest(ttl: .seconds(-1)))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: repository.store.registryFile.path)) == before)
    }

    @Test(arguments: [
        (
            [Field("avg_amount", .float64), Field("missing_feature", .int64)], "features[1]",
            "is missing from data/users.csv"
        )
    ])
    func sourceColumnsAreChecked(features: [Field], field: String, message: String) throws {
        let repository = try SampleRepository()
        #expect {
            try repository.store.apply(SampleRepository.manifest(features: features))
        } throws: { error in
            guard let errors = error as? DefinitionErrors else { return false }
            return errors.errors.contains { $0.field == field && $0.message.contains(message) }
        }
    }

    @Test func missingSourceFileIsNamed() throws {
        let repository = try SampleRepository()
        try FileManager.default.removeItem(atPath: repository.directory.path + "/data/users.csv")
        #expect {
            try repository.store.apply(SampleRepository.manifest())
        } throws: { error in
            (error as? DefinitionErrors)?.errors.first?.description.contains("file not found") == true
        }
    }
}
