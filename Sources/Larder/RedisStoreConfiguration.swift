/// How to reach a Redis online store (`online_store: {type: redis, ...}`).
public struct RedisStoreConfiguration: Sendable, Hashable {
    /// The server, `redis://host:port` or `host:port`; with ``cluster``, one or more seed
    /// nodes separated by commas.
    public var connectionString: String = "redis://127.0.0.1:6379"
    /// Whether the servers form a Redis Cluster.
    public var cluster: Bool = false
    /// Put in front of every key; `nil` for `larder:<project>:`.
    public var keyPrefix: String?
    /// The environment variable holding the password, or `nil` for none.
    public var passwordEnvironmentVariable: String?
    /// The limit for connecting and for each send or receive, in milliseconds.
    public var timeoutMilliseconds: Int = 3000
    /// Whether keys expire once their newest row leaves the views' TTL.
    public var expireFromTTL: Bool = false

    /// The defaults: a standalone server on this machine, port 6379.
    public init() {}
}
