import Foundation
import LarderRedis
import LarderStores

/// Opening the `redis` online store.
extension StoreProvider {
    /// A Redis online store as `online_store` configures it, the password read from the
    /// environment variable `password_env` names.
    /// - Returns: the store (it connects on first use).
    /// - Throws: ``OnlineStoreError`` when the variable is not set or the connection string
    ///   cannot be read.
    func openRedis() throws -> RedisOnlineStore {
        let settings = configuration.onlineStore.redis
        var password: String?
        if let variable = settings.passwordEnvironmentVariable {
            guard let value = ProcessInfo.processInfo.environment[variable], !value.isEmpty else {
                throw OnlineStoreError(
                    .storage(EINVAL),
                    "online_store.password_env names the environment variable \(variable), which is not set")
            }
            password = value
        }
        return try RedisOnlineStore(
            configuration: .init(
                connectionString: settings.connectionString, cluster: settings.cluster,
                keyPrefix: settings.keyPrefix ?? "larder:\(configuration.project):", password: password,
                timeout: .milliseconds(settings.timeoutMilliseconds), expireFromTTL: settings.expireFromTTL),
            logger: logger)
    }
}
