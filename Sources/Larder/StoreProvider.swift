import Foundation
import LarderCore
import LarderFormats
import LarderOffline
import LarderOnline
import LarderPostgres
import LarderRedis
import LarderStores
import Logging
import Synchronization

/// Opens the stores a repository's `feature_store.yaml` names and owns their lifetimes: the
/// online store is opened once and shared by every caller; offline connections are opened
/// per use, except the one pushes append through, which is kept. A `memory` backend is one
/// store for the life of the provider.
final class StoreProvider: Sendable {
    let configuration: StoreConfiguration
    private let resolve: @Sendable (String) -> String
    let logger: Logger
    /// The online store, opened on first use (LMDB allows one environment per file in a process).
    private let openedOnline = Mutex<(any OnlineStore)?>(nil)
    /// The offline store pushes append through, kept open: a connection per push costs
    /// milliseconds. The lock also serializes the appends.
    private let pushOffline = Mutex<(any OfflineStore)?>(nil)
    /// The offline store of the `memory` backend, shared by every use.
    private let memoryOffline: MemoryOfflineStore?

    /// A provider for a repository.
    /// - Parameters:
    ///   - configuration: the repository's configuration.
    ///   - resolve: makes a configured path absolute.
    ///   - logger: where the stores log.
    init(configuration: StoreConfiguration, resolve: @escaping @Sendable (String) -> String, logger: Logger) {
        self.configuration = configuration
        self.resolve = resolve
        self.logger = logger
        memoryOffline =
            configuration.offlineStore.type == "memory" ? MemoryOfflineStore(openSource: Self.openSource) : nil
    }

    /// Opens source files with Larder's CSV and Parquet readers.
    private static let openSource: SourceOpener = { path, format, declaredTypes in
        try TableFiles.openReader(path: path, format: format, declaredTypes: declaredTypes)
    }

    /// Whether the offline store exists yet, without creating it.
    var offlineStoreExists: Bool {
        memoryOffline != nil || configuration.offlineStore.type == "postgres"
            || FileManager.default.fileExists(atPath: resolve(configuration.offlineStore.path))
    }

    /// Whether the online store holds anything yet, without creating it.
    var onlineStoreExists: Bool {
        switch configuration.onlineStore.type {
        case "memory": openedOnline.withLock { $0 != nil }
        case "redis": true
        default: FileManager.default.fileExists(atPath: resolve(configuration.onlineStore.path))
        }
    }

    /// An offline store for one thread's use: a new connection, or the `memory` store.
    /// - Returns: the store.
    /// - Throws: when the database cannot be opened.
    func offline() throws -> any OfflineStore {
        if let memoryOffline { return memoryOffline }
        return try openPersistent()
    }

    /// A new connection to the configured `sqlite` or `postgres` store.
    private func openPersistent() throws -> any OfflineStore {
        guard configuration.offlineStore.type == "postgres" else { return try openSQLite() }
        return try openPostgres()
    }

    /// A new connection to the `postgres` store, its password read from the environment.
    func openPostgres() throws -> PostgresOfflineStore {
        try PostgresOfflineStore(
            configuration: configuration.offlineStore.postgres.storeConfiguration(
                environment: ProcessInfo.processInfo.environment),
            logger: logger, openSource: Self.openSource)
    }

    /// A new connection to the `sqlite` store, creating its directory.
    private func openSQLite() throws -> SQLiteOfflineStore {
        let path = resolve(configuration.offlineStore.path)
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        return try SQLiteOfflineStore(path: path, logger: logger, openSource: Self.openSource)
    }

    /// The shared online store, opened on first use (it is safe to use from many threads).
    /// - Returns: the store.
    /// - Throws: ``OnlineStoreError`` when it cannot be opened.
    func online() throws -> any OnlineStore {
        try openedOnline.withLock { store in
            if let store { return store }
            let opened: any OnlineStore =
                switch configuration.onlineStore.type {
                case "memory": MemoryOnlineStore()
                case "redis": try openRedis()
                default:
                    try LMDBOnlineStore(
                        path: resolve(configuration.onlineStore.path),
                        configuration: .init(initialMapSize: configuration.onlineStore.mapSizeMiB << 20), logger: logger
                    )
                }
            store = opened
            return opened
        }
    }

    /// Runs `body` with the kept offline store for pushes, opening it first if needed, while
    /// holding its lock.
    /// - Parameter body: the work.
    /// - Returns: what `body` returns.
    /// - Throws: when the store cannot be opened; whatever `body` throws.
    func withPushOffline<Result: Sendable>(_ body: (any OfflineStore) throws -> Result) throws -> Result {
        if let memoryOffline { return try body(memoryOffline) }
        return try pushOffline.withLock { store in
            if store == nil { store = try openPersistent() }
            return try body(store!)
        }
    }

    /// Releases the shared online store and the kept offline connection; a later use opens
    /// them again. A `memory` online store's values are dropped with it.
    func close() {
        openedOnline.withLock { $0 = nil }
        pushOffline.withLock { $0 = nil }
    }
}
