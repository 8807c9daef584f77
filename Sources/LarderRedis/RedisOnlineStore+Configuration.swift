extension RedisOnlineStore {
    /// Settings of a Redis online store; the defaults reach a standalone server on this machine.
    public struct Configuration: Sendable, Hashable {
        /// The server: `redis://host:port` or `host:port`; with ``cluster``, one or more seed
        /// nodes separated by commas (one is enough to discover the others).
        public var connectionString: String
        /// Whether the servers form a Redis Cluster.
        public var cluster: Bool
        /// Put in front of every key, so several repositories can share a server.
        public var keyPrefix: String
        /// Sent with `AUTH` on every connection, or `nil` for none.
        public var password: String?
        /// The limit for connecting and for each send or receive; a server that does not
        /// answer in time fails the request with an error naming it.
        public var timeout: Duration
        /// Idle connections kept per server (about the number of threads that read at once).
        public var maxIdleConnections: Int
        /// Keys per script call when reading or writing many keys.
        public var keysPerCall: Int
        /// Whether writes let keys expire at the newest row's event time plus the view's TTL
        /// (the latest over the views sharing the key; a view without TTL keeps the key).
        /// Expired keys read as `NOT_FOUND` rather than `OUTSIDE_MAX_AGE`.
        public var expireFromTTL: Bool

        /// Creates a configuration.
        /// - Parameters:
        ///   - connectionString: the server, or a cluster's seed nodes separated by commas.
        ///   - cluster: whether the servers form a Redis Cluster.
        ///   - keyPrefix: put in front of every key.
        ///   - password: sent with `AUTH`, or `nil`.
        ///   - timeout: the limit for connecting and for each send or receive.
        ///   - maxIdleConnections: idle connections kept per server.
        ///   - keysPerCall: keys per script call.
        ///   - expireFromTTL: whether keys expire after the views' TTL.
        public init(
            connectionString: String = "redis://127.0.0.1:6379", cluster: Bool = false, keyPrefix: String = "larder:",
            password: String? = nil, timeout: Duration = .seconds(3), maxIdleConnections: Int = 64,
            keysPerCall: Int = 256, expireFromTTL: Bool = false
        ) {
            self.expireFromTTL = expireFromTTL
            self.connectionString = connectionString
            self.cluster = cluster
            self.keyPrefix = keyPrefix
            self.password = password
            self.timeout = timeout
            self.maxIdleConnections = maxIdleConnections
            self.keysPerCall = keysPerCall
        }
    }
}
