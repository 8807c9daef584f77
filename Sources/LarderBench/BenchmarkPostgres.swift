import LarderPostgres

/// The `--postgres user@host:port/database` option of the offline benchmarks: run against a
/// PostgreSQL offline store (schema `larder_bench`) instead of SQLite.
enum BenchmarkPostgres {
    /// The option's help text.
    static let usage = "--postgres user@host:port/database"

    /// Parses the option's value.
    /// - Parameter text: `user@host:port/database`.
    /// - Returns: the store's configuration, schema `larder_bench`, no password.
    /// - Throws: ``BenchmarkInputError`` when the text has another shape.
    static func configuration(_ text: String) throws -> PostgresOfflineStore.Configuration {
        let parts = text.split(separator: "@", maxSplits: 1)
        guard parts.count == 2 else { throw BenchmarkInputError("\(usage) expected, got '\(text)'") }
        let location = parts[1].split(separator: "/", maxSplits: 1)
        let address = location[0].split(separator: ":")
        guard location.count == 2, address.count == 2, let port = Int(address[1]) else {
            throw BenchmarkInputError("\(usage) expected, got '\(text)'")
        }
        var configuration = PostgresOfflineStore.Configuration()
        configuration.user = String(parts[0])
        configuration.host = String(address[0])
        configuration.port = port
        configuration.database = String(location[1])
        configuration.schema = "larder_bench"
        return configuration
    }
}
