import Foundation
import LarderFormats
import LarderQuality
import LarderTestSupport
import Testing

/// Saved datasets: written whole or not at all, listed, found by name, deleted.
@Suite struct SavedDatasetStoreTests {
    static func describe(_ name: String) -> (any TableReader, String, TableProfile) throws -> SavedDataset {
        { reader, file, profile in
            SavedDataset(
                name: name, createdAt: "2026-12-07T00:00:00Z", features: ["v:amount"], featureService: nil,
                featureColumns: reader.schema.columns.map(\.name), entitySource: "/e.csv", timestampColumn: "ts",
                entityTimeRange: .init(start: nil, end: nil), rows: profile.rows, file: file, profile: profile)
        }
    }

    @Test func saveListShowAndDelete() throws {
        let directory = try TemporaryDirectory()
        let csv = try directory.write("amount,category\n1.5,a\n2.5,b\n", to: "train.csv")
        let store = SavedDatasetStore(directory: directory.appending("registry/datasets"))
        let saved = try store.save(name: "train_v1", trainingSetPath: csv, describe: Self.describe("train_v1"))
        #expect(saved.rows == 2 && saved.file == "training_set.csv")
        #expect(try store.list().map(\.name) == ["train_v1"])
        let read = try store.dataset(named: "train_v1")
        #expect(read == saved)
        #expect(try store.openTrainingSet(of: read).readAll().rowCount == 2)
        #expect(throws: QualityError.self) {
            try store.save(name: "train_v1", trainingSetPath: csv, describe: Self.describe("train_v1"))
        }
        try store.delete(named: "train_v1")
        #expect(try store.list().isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.directory).isEmpty)
    }

    @Test func aFailedSaveLeavesNothingAndBadNamesAreRefused() throws {
        let directory = try TemporaryDirectory()
        let csv = try directory.write("amount\n1\n", to: "train.csv")
        let store = SavedDatasetStore(directory: directory.appending("datasets"))
        struct Refused: Error {}
        #expect(throws: Refused.self) {
            try store.save(name: "x", trainingSetPath: csv) { _, _, _ in throw Refused() }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.directory).isEmpty)
        for name in ["", ".hidden", "a/b", "a b"] {
            #expect(throws: QualityError.self) {
                try store.save(name: name, trainingSetPath: csv, describe: Self.describe(name))
            }
        }
        let unknown = #expect(throws: QualityError.self) { try store.dataset(named: "nope") }
        #expect(unknown?.description.contains("no saved dataset 'nope' (saved: none)") == true)
    }
}
