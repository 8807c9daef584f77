import Foundation

extension FeatureStore {
    /// Deletes the offline and online stores and forgets materialized intervals; the
    /// definitions stay in the registry.
    /// A `postgres` offline store loses every view's table (its schema and catalog stay).
    /// - Returns: the paths that were deleted (for PostgreSQL, `postgres://host:port/database/schema`).
    /// - Throws: ``RegistryError`` when the registry cannot be updated; file errors.
    @discardableResult
    public func teardown() throws -> [String] {
        closeStores()
        return try registryStore.withLock {
            let offline = resolve(configuration.offlineStore.path)
            let candidates = [offline, offline + "-wal", offline + "-shm", resolve(configuration.onlineStore.path)]
            var deleted: [String] = []
            if configuration.offlineStore.type == "postgres" {
                let store = try stores.openPostgres()
                for table in try store.ingestedTables() { try store.drop(table: table.name) }
                let settings = configuration.offlineStore.postgres
                deleted.append("postgres://\(settings.host):\(settings.port)/\(settings.database)/\(settings.schema)")
            }
            for path in candidates where FileManager.default.fileExists(atPath: path) {
                try FileManager.default.removeItem(atPath: path)
                deleted.append(path)
            }
            if var registry = try registryStore.file.read(), !registry.materializations.isEmpty {
                registry.materializations = [:]
                try registryStore.write(registry)
            }
            return deleted
        }
    }
}
