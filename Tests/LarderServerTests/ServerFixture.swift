import Foundation
import Hummingbird
import HummingbirdTesting
import Larder
import LarderCore
import LarderServer
import LarderTestSupport
import Logging
import NIOCore

/// The stores a server test runs on: the embedded ones, the in-memory reference stores, or
/// SQLite with a Redis online store (the test process's shared server, a key prefix per
/// repository; without a server the address is unusable and the test fails).
enum ServedStores: String, CaseIterable, Sendable {
    case embedded, memory, redis

    /// The `feature_store.yaml` lines that choose them.
    var yaml: String {
        switch self {
        case .embedded: ""
        case .memory: "offline_store: {type: memory}\nonline_store: {type: memory}\n"
        case .redis:
            Self.redisYAML(
                connectionString: (try? RedisServer.shared.get().connectionString) ?? "missing-redis-server:1")
        }
    }

    /// An `online_store` section for a Redis server, with a key prefix of its own.
    /// - Parameters:
    ///   - connectionString: the server.
    ///   - timeoutMilliseconds: the store's timeout.
    /// - Returns: the YAML lines.
    static func redisYAML(connectionString: String, timeoutMilliseconds: Int = 3000) -> String {
        """
        online_store: {type: redis, connection_string: "\(connectionString)", key_prefix: "served-\(UUID().uuidString):", timeout_ms: \(timeoutMilliseconds)}

        """
    }
}

/// A repository with a CSV-backed view, a push-source view and a service, applied and
/// materialized, ready to serve.
struct ServerFixture: Sendable {
    let directory: TemporaryDirectory
    let store: FeatureStore

    /// Users 1001 and 1002 have rows (1002's `avg_amount` is null); 1003 has none.
    static let csv = """
        user_id,event_timestamp,created,avg_amount,tx_count
        1001,2026-01-01T00:00:00Z,2026-01-01T00:00:00Z,2.5,3
        1001,2026-01-02T00:00:00.123Z,2026-01-02T00:00:00Z,7.25,4
        1002,2026-01-02T00:00:00Z,2026-01-02T00:00:00Z,,9
        """

    /// The `auth:` lines of a `server:` section: token `reader-token` (named `scorer`) may
    /// read, `writer-token` (named `writer`) may push and materialize. The digests were computed
    /// by coreutils (`printf reader-token | sha256sum`), so the server's hashing is checked
    /// against an independent implementation.
    static let authYAML = """
          auth:
            tokens:
              - name: scorer
                sha256: ba5005a40cf5212e4ac0190104cc127edab013294bb71279a975b27a80982d45
                permissions: [read_online]
              - name: writer
                sha256: 3590c0a59f72ce02700194a05f228a725c1f135a6dcb3ded9b2d86ab6a6f52cb
                permissions: [push, materialize]

        """

    /// - Parameters:
    ///   - serverYAML: a `server:` section for feature_store.yaml, or empty.
    ///   - stores: the stores the repository uses.
    init(serverYAML: String = "", stores: ServedStores = .embedded) throws {
        try self.init(
            serverYAML: stores.yaml + serverYAML, manifest: Self.manifest,
            files: ["data/users.csv": Self.csv + "\n", "data/clicks.csv": "user_id,event_timestamp,clicks\n"])
    }

    /// Any repository, applied and materialized over 2025 and 2026.
    /// - Parameters:
    ///   - serverYAML: a `server:` section for feature_store.yaml, or empty.
    ///   - manifest: the definitions.
    ///   - files: the data files, by path in the repository.
    init(serverYAML: String = "", manifest: Manifest, files: [String: String]) throws {
        directory = try TemporaryDirectory()
        try directory.write("project: served\n" + serverYAML, to: "feature_store.yaml")
        for (path, text) in files { try directory.write(text, to: path) }
        var logger = Logger(label: "larder-server-test")
        logger.logLevel = .warning
        store = try FeatureStore(repositoryPath: directory.path, logger: logger)
        try store.apply(manifest)
        try store.materialize(
            start: Timestamp(parsing: "2025-01-01T00:00:00Z")!, end: Timestamp(parsing: "2027-01-01T00:00:00Z")!)
    }

    static var manifest: Manifest {
        let user = Entity("user", joinKey: "user_id")
        let stats = FeatureView(
            "user_stats", entities: [user],
            source: FileSource("data/users.csv", timestamp: "event_timestamp", created: "created")
        ) {
            Field("avg_amount", .float64)
            Field("tx_count", .int64)
        }
        let clicks = FeatureView(
            "user_clicks", entities: [user],
            source: PushSource("clicks_push", batchSource: FileSource("data/clicks.csv", timestamp: "event_timestamp"))
        ) {
            Field("clicks", .int64)
        }
        return FeatureRepository {
            user
            stats
            clicks
            FeatureService("fraud_v1") { stats }
        }.manifest
    }

    /// The server for this repository.
    func application(_ configuration: ServerConfiguration = ServerConfiguration()) -> some ApplicationProtocol {
        var configuration = configuration
        configuration.port = 0
        return buildApplication(configuration: configuration, store: store)
    }
}

/// A JSON request body.
func body(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

/// A response body parsed as a JSON object.
func json(_ response: TestResponse) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body))
    guard let dictionary = object as? [String: Any] else {
        throw FixtureError.notAnObject(String(buffer: response.body))
    }
    return dictionary
}

enum FixtureError: Error {
    case notAnObject(String)
}
