import Foundation

extension FeatureStore {
    /// Deletes the offline and online stores and forgets materialized intervals; the
    /// definitions stay in the registry.
    /// - Returns: the paths that were deleted.
    /// - Throws: ``RegistryError`` when the registry cannot be updated; file errors.
    @discardableResult
    public func teardown() throws -> [String] {
        closeStores()
        return try registryStore.withLock {
            let offline = resolve(configuration.offlineStore.path)
            let candidates = [offline, offline + "-wal", offline + "-shm", resolve(configuration.onlineStore.path)]
            var deleted: [String] = []
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
