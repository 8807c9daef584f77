import LarderPostgres
import Yams

/// Where the `postgres` offline store's server is (`offline_store: {type: postgres, ...}`).
/// The password is never in the file: `password_env` names the environment variable holding it.
public struct PostgresOfflineSettings: Sendable, Hashable {
    /// The server's host name or address.
    public var host: String = "127.0.0.1"
    /// The server's port.
    public var port: Int = 5432
    /// The database.
    public var database: String = "larder"
    /// The user to log in as.
    public var user: String = "larder"
    /// The environment variable holding the password; `nil` when the server asks for none.
    public var passwordEnvironmentVariable: String?
    /// The schema holding the store's tables (created when missing).
    public var schema: String = "larder"

    /// The defaults: database, user and schema `larder` on `127.0.0.1:5432`, no password.
    public init() {}

    /// The keys of `offline_store` these settings read.
    static let keys: Set<String> = ["host", "port", "database", "user", "password_env", "schema"]

    /// Reads the settings from the `offline_store` mapping; absent keys keep their defaults.
    /// - Throws: ``ConfigurationError`` naming the key of a bad value.
    static func parse(_ mapping: Node.Mapping, reader: YAMLMappingReader) throws -> PostgresOfflineSettings {
        var settings = PostgresOfflineSettings()
        settings.host = try reader.string(mapping, "host") ?? settings.host
        if let port = try reader.positiveInt(mapping, "port") {
            guard port <= 65_535 else {
                throw reader.error(mapping["port"], "port", "\(port) is not a TCP port (1 to 65535)")
            }
            settings.port = port
        }
        settings.database = try reader.string(mapping, "database") ?? settings.database
        settings.user = try reader.string(mapping, "user") ?? settings.user
        settings.passwordEnvironmentVariable = try reader.string(mapping, "password_env")
        settings.schema = try reader.string(mapping, "schema") ?? settings.schema
        return settings
    }

    /// The store's configuration, with the password read from the environment.
    /// - Parameter environment: the process's environment.
    /// - Throws: ``ConfigurationError`` when `password_env` names a variable that is not set.
    func storeConfiguration(environment: [String: String]) throws -> PostgresOfflineStore.Configuration {
        var configuration = PostgresOfflineStore.Configuration()
        configuration.host = host
        configuration.port = port
        configuration.database = database
        configuration.user = user
        configuration.schema = schema
        if let variable = passwordEnvironmentVariable {
            guard let password = environment[variable] else {
                throw ConfigurationError(
                    file: StoreConfiguration.fileName, line: nil, key: "offline_store.password_env",
                    message: "the environment variable '\(variable)' is not set; it should hold the PostgreSQL password"
                )
            }
            configuration.password = password
        }
        return configuration
    }
}
