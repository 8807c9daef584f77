import Larder
import LarderTestSupport
import Logging
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
        ("project: p\nonline_store: {type: cassandra}\n", "online_store.type"),
        ("project: p\nonline_store: {type: redis, cluster: maybe}\n", "online_store.cluster"),
        ("project: p\nonline_store: {type: redis, path: x}\n", "online_store.path"),
        ("project: p\nonline_store: {type: redis, timeout_ms: 0}\n", "online_store.timeout_ms"),
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

    @Test func redisOnlineStoreIsRead() throws {
        let yaml = """
            project: fraud
            online_store:
              type: redis
              connection_string: "10.0.0.1:7000,10.0.0.2:7000"
              cluster: true
              key_prefix: "fraud:"
              password_env: REDIS_PASSWORD
              timeout_ms: 1500
              expire_from_ttl: true
            """
        let online = try StoreConfiguration.parse(yaml: yaml, file: "feature_store.yaml").onlineStore
        #expect(online.type == "redis")
        #expect(online.redis.connectionString == "10.0.0.1:7000,10.0.0.2:7000")
        #expect(online.redis.cluster)
        #expect(online.redis.keyPrefix == "fraud:")
        #expect(online.redis.passwordEnvironmentVariable == "REDIS_PASSWORD")
        #expect(online.redis.timeoutMilliseconds == 1500)
        #expect(online.redis.expireFromTTL)
    }

    @Test func unknownKeyErrorCarriesTheLine() {
        #expect {
            try StoreConfiguration.parse(yaml: "project: p\n\nbogus: 1\n", file: "f.yaml")
        } throws: { error in
            (error as? ConfigurationError)?.line == 3
        }
    }
}

@Suite struct ServerConfigurationTests {
    static let digest = String(repeating: "ab", count: 32)

    @Test func serverSectionIsRead() throws {
        let yaml = """
            project: fraud
            server:
              max_body_bytes: 2048
              max_entity_rows: 50
              auth:
                tokens:
                  - {name: scorer, sha256: \(Self.digest), permissions: [read_online]}
                  - {name: ops, sha256: \(Self.digest.uppercased()), permissions: [push, materialize]}
            """
        let server = try StoreConfiguration.parse(yaml: yaml, file: "feature_store.yaml").server
        #expect(server.maxBodyBytes == 2048)
        #expect(server.maxEntityRows == 50)
        #expect(server.tokens?.map(\.name) == ["scorer", "ops"])
        #expect(server.tokens?[1].sha256 == Self.digest)
        #expect(server.tokens?[1].permissions == [.push, .materialize])
    }

    @Test func withoutAnAuthSectionAuthIsOff() throws {
        let configuration = try StoreConfiguration.parse(
            yaml: "project: p\nserver: {max_entity_rows: 5}\n", file: "f.yaml")
        #expect(configuration.server.tokens == nil)
        #expect(configuration.server.maxBodyBytes == 10 << 20)
    }

    @Test(arguments: [
        ("server: {colour: red}", "server.colour"),
        ("server: {max_body_bytes: 0}", "server.max_body_bytes"),
        ("server: {auth: {tokens: x}}", "server.auth.tokens"),
        ("server: {auth: {tokens: [{sha256: \(digest), permissions: [push]}]}}", "server.auth.tokens[0].name"),
        ("server: {auth: {tokens: [{name: a, sha256: abc, permissions: [push]}]}}", "server.auth.tokens[0].sha256"),
        (
            "server: {auth: {tokens: [{name: a, sha256: \(digest), permissions: [fly]}]}}",
            "server.auth.tokens[0].permissions"
        ),
        ("server: {auth: {tokens: [{name: a, sha256: \(digest)}]}}", "server.auth.tokens[0].permissions"),
        ("server: {auth: {tokens: [], realm: x}}", "server.auth.realm"),
    ])
    func badServerKeysAreNamed(yaml: String, key: String) {
        #expect {
            try StoreConfiguration.parse(yaml: "project: p\n" + yaml + "\n", file: "feature_store.yaml")
        } throws: { error in
            (error as? ConfigurationError)?.key == key
        }
    }
}

/// The `postgres` offline store's settings.
@Suite struct PostgresConfigurationTests {
    @Test func theServerAndSchemaAreRead() throws {
        let yaml = """
            project: fraud
            offline_store:
              type: postgres
              host: db.internal
              port: 6543
              database: features
              user: scorer
              password_env: LARDER_TEST_PG_PASSWORD
              schema: fraud_team
            """
        let configuration = try StoreConfiguration.parse(yaml: yaml, file: "feature_store.yaml")
        #expect(configuration.offlineStore.type == "postgres")
        let settings = configuration.offlineStore.postgres
        #expect(settings.host == "db.internal")
        #expect(settings.port == 6543)
        #expect(settings.database == "features")
        #expect(settings.user == "scorer")
        #expect(settings.passwordEnvironmentVariable == "LARDER_TEST_PG_PASSWORD")
        #expect(settings.schema == "fraud_team")
    }

    @Test func defaultsNeedNoKeys() throws {
        let configuration = try StoreConfiguration.parse(
            yaml: "project: p\noffline_store: {type: postgres}\n", file: "feature_store.yaml")
        #expect(configuration.offlineStore.postgres == PostgresOfflineSettings())
        #expect(configuration.offlineStore.postgres.port == 5432)
    }

    @Test(arguments: [
        ("project: p\noffline_store: {type: postgres, port: 70000}\n", "offline_store.port"),
        ("project: p\noffline_store: {type: postgres, port: -1}\n", "offline_store.port"),
        ("project: p\noffline_store: {type: postgres, password: secret}\n", "offline_store.password"),
        ("project: p\noffline_store: {type: postgresql}\n", "offline_store.type"),
    ])
    func badSettingsAreNamed(yaml: String, key: String) {
        #expect {
            try StoreConfiguration.parse(yaml: yaml, file: "feature_store.yaml")
        } throws: { error in
            (error as? ConfigurationError)?.key == key
        }
    }

    @Test func aMissingPasswordVariableIsNamedWhenTheStoreOpens() throws {
        let directory = try TemporaryDirectory()
        try directory.write(
            "project: p\noffline_store: {type: postgres, password_env: LARDER_TEST_UNSET_PASSWORD}\n",
            to: "feature_store.yaml")
        let store = try FeatureStore(repositoryPath: directory.path, logger: Logger(label: "test"))
        let error = try #require(throws: ConfigurationError.self) { try store.openOfflineStore() }
        #expect(error.key == "offline_store.password_env")
        #expect(error.message.contains("LARDER_TEST_UNSET_PASSWORD"))
    }
}
