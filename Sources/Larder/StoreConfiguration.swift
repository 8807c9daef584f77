/// Where a feature repository keeps its offline data.
public struct OfflineStoreConfiguration: Sendable, Hashable {
    /// The backend: `sqlite` (the default, a file), `postgres` (a PostgreSQL server, see
    /// ``postgres``) or `memory` (rows kept in the process, gone when it exits; for tests and
    /// trials).
    public var type: String = "sqlite"
    /// The backends Larder has.
    public static let types = ["sqlite", "postgres", "memory"]
    /// The SQLite database file, relative to the repository.
    public var path: String = ".larder/offline.db"
    /// The server of the `postgres` backend.
    public var postgres = PostgresOfflineSettings()

    /// The defaults: SQLite at `.larder/offline.db`.
    public init() {}
}

/// Where a feature repository keeps the latest values for serving.
public struct OnlineStoreConfiguration: Sendable, Hashable {
    /// The backend: `lmdb` (the default, a directory), `redis` (a Redis server or cluster) or
    /// `memory` (values kept in the process, gone when it exits; for tests and trials).
    public var type: String = "lmdb"
    /// The backends Larder has.
    public static let types = ["lmdb", "redis", "memory"]
    /// The LMDB environment directory, relative to the repository.
    public var path: String = ".larder/online"
    /// The initial LMDB map size in MiB; the store grows it when full.
    public var mapSizeMiB: Int = 1024
    /// The Redis server or cluster, for the `redis` backend.
    public var redis = RedisStoreConfiguration()

    /// The defaults: LMDB at `.larder/online`, 1 GiB initial map.
    public init() {}
}

/// How `larder apply` obtains the definitions of a repository.
public struct DefinitionsConfiguration: Sendable, Hashable {
    /// The Swift package directory holding the definitions, relative to the repository.
    public var package: String = "."
    /// The executable product that prints the manifest.
    public var product: String = "definitions"

    /// The defaults: the repository itself, product `definitions`.
    public init() {}
}

/// The settings of a feature repository, read from its `feature_store.yaml`.
public struct StoreConfiguration: Sendable, Hashable {
    /// The project's name.
    public var project: String
    /// The registry file, relative to the repository.
    public var registryPath: String = ".larder/registry.json"
    /// The offline store.
    public var offlineStore = OfflineStoreConfiguration()
    /// The online store.
    public var onlineStore = OnlineStoreConfiguration()
    /// Where the definitions come from.
    public var definitions = DefinitionsConfiguration()
    /// The feature server's authentication and limits.
    public var server = ServerSettings()
    /// What the feature server logs of the features it serves (`feature_logging:`).
    public var featureLogging = FeatureLoggingSettings()

    /// A configuration with defaults for everything but the project name.
    /// - Parameter project: the project's name.
    public init(project: String) {
        self.project = project
    }

    /// The name of the configuration file in a repository.
    public static let fileName = "feature_store.yaml"
}
