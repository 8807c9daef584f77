/// How the client connects: the timeout of every step, the password, and the pool size.
struct RedisClientSettings: Sendable {
    /// The limit for connecting and for each send or receive.
    var timeout: Duration
    /// Sent with `AUTH` on every new connection, or `nil`.
    var password: String?
    /// Idle connections kept per server.
    var maxIdleConnections: Int
}
