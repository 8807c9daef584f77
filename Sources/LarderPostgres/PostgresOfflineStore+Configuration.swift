extension PostgresOfflineStore {
    /// Where the store's server is and who to log in as.
    public struct Configuration: Sendable, Hashable {
        /// The server's host name or address.
        public var host: String = "127.0.0.1"
        /// The server's port.
        public var port: Int = 5432
        /// The database.
        public var database: String = "larder"
        /// The user to log in as.
        public var user: String = "larder"
        /// The password, or `nil` when the server does not ask for one.
        public var password: String?
        /// The schema holding the store's tables; created when missing.
        public var schema: String = "larder"

        /// The defaults: database, user and schema `larder` on `127.0.0.1:5432`, no password.
        public init() {}

        /// The server, for messages: `host:port/database`.
        public var serverDescription: String { "\(host):\(port)/\(database)" }
    }
}
