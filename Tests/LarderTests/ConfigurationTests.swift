import Larder
import Testing

@Suite struct ConfigurationTests {
    @Test func minimalFileGetsDefaults() throws {
        let configuration = try StoreConfiguration.parse(yaml: "project: fraud\n", file: "feature_store.yaml")
        #expect(configuration.project == "fraud")
        #expect(configuration.registryPath == ".larder/registry.json")
        #expect(configuration.offlineStore.path == ".larder/offline.db")
        #expect(configuration.onlineStore.path == ".larder/online")
        #expect(configuration.definitions.product == "definitions")
    }

    @Test func fullFileIsRead() throws {
        let yaml = """
            project: fraud
            registry: {path: reg/registry.json}
            offline_store: {type: sqlite, path: data/offline.db}
            online_store: {type: lmdb, path: data/online, map_size_mb: 64}
            definitions: {package: defs, product: manifest}
            """
        let configuration = try StoreConfiguration.parse(yaml: yaml, file: "feature_store.yaml")
        #expect(configuration.registryPath == "reg/registry.json")
        #expect(configuration.onlineStore.mapSizeMiB == 64)
        #expect(configuration.definitions.package == "defs")
    }

    @Test(arguments: [
        ("project: p\nonline_store: {type: redis}\n", "online_store.type"),
        ("project: p\nofline_store: {type: sqlite}\n", "ofline_store"),
        ("project: p\nonline_store: {type: lmdb, map_size_mb: -1}\n", "online_store.map_size_mb"),
        ("project: p\nonline_store: {path: x, colour: red}\n", "online_store.colour"),
        ("offline_store: {type: sqlite}\n", "project"),
        ("project: p\noffline_store: sqlite\n", "offline_store"),
    ])
    func badKeysAndValuesAreNamed(yaml: String, key: String) {
        #expect {
            try StoreConfiguration.parse(yaml: yaml, file: "feature_store.yaml")
        } throws: { error in
            let error = error as? ConfigurationError
            return error?.key == key && error?.file == "feature_store.yaml"
        }
    }

    @Test func unknownKeyErrorCarriesTheLine() {
        #expect {
            try StoreConfiguration.parse(yaml: "project: p\n\nbogus: 1\n", file: "f.yaml")
        } throws: { error in
            (error as? ConfigurationError)?.line == 3
        }
    }
}
