public import LarderStores

/// The address of one Redis server: host and port.
public struct RedisEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// The host name or IPv4 address.
    public var host: String
    /// The TCP port.
    public var port: Int

    /// Creates an endpoint.
    /// - Parameters:
    ///   - host: the host name or address.
    ///   - port: the TCP port.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// `host:port`.
    public var description: String { "\(host):\(port)" }

    /// Reads a connection string: `redis://host:port`, `host:port` or `host` (port 6379),
    /// several of them separated by commas (the seed nodes of a cluster).
    /// - Parameter connectionString: the configured text.
    /// - Returns: the endpoints, in the order given.
    /// - Throws: ``OnlineStoreError`` of kind `.storage(EINVAL)` naming the part that is not
    ///   an address.
    public static func parseList(_ connectionString: String) throws -> [RedisEndpoint] {
        let parts = connectionString.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        guard !parts.isEmpty else {
            throw OnlineStoreError(.storage(22), "the Redis connection_string is empty; expected host:port")
        }
        return try parts.map(parse)
    }

    /// Reads one address.
    private static func parse(_ text: String) throws -> RedisEndpoint {
        var rest = Substring(text)
        if rest.hasPrefix("rediss://") {
            throw OnlineStoreError(
                .storage(22), "Redis address '\(text)': TLS (rediss://) is not supported; use redis://host:port")
        }
        if rest.hasPrefix("redis://") { rest = rest.dropFirst("redis://".count) }
        if let at = rest.lastIndex(of: "@") {
            throw OnlineStoreError(
                .storage(22),
                "Redis address '\(text)' carries credentials before '\(rest[...at])'; give the password through password_env"
            )
        }
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        var host = rest
        var port = 6379
        if let colon = rest.lastIndex(of: ":") {
            host = rest[..<colon]
            guard let number = Int(rest[rest.index(after: colon)...]), (1...65535).contains(number) else {
                throw OnlineStoreError(
                    .storage(22), "Redis address '\(text)' has no valid port after ':'; expected host:port")
            }
            port = number
        }
        guard !host.isEmpty else {
            throw OnlineStoreError(.storage(22), "Redis address '\(text)' has no host; expected host:port")
        }
        return RedisEndpoint(host: String(host), port: port)
    }
}

extension Substring {
    /// The text without leading and trailing spaces.
    fileprivate func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
