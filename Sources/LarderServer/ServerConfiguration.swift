public import Larder

/// How to run the feature server: where to listen and what the CLI decided.
public struct ServerConfiguration: Sendable, Hashable {
    /// The address to bind.
    public var host: String = "127.0.0.1"
    /// The TCP port; 0 picks a free one.
    public var port: Int = 6566
    /// Event loop threads; `nil` for one per core.
    public var workers: Int?
    /// Serve without authentication on a non-loopback address.
    public var allowUnauthenticated = false
    /// Serve only the web console (`/ui`, `/api/v1`) and `/health`, as `larder ui` does:
    /// no online reads, writes, materializations or metrics over HTTP.
    public var consoleOnly = false

    /// The defaults: 127.0.0.1:6566, one worker per core, loopback only without auth.
    public init() {}

    /// Whether ``host`` reaches only this machine.
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Refuses to serve unauthenticated on an address other machines can reach, unless
    /// ``allowUnauthenticated`` is set.
    /// - Parameter settings: the store's `server:` settings.
    /// - Throws: ``ServerConfigurationError`` explaining how to proceed.
    public func checkBinding(_ settings: ServerSettings) throws {
        guard settings.tokens == nil, !isLoopback, !allowUnauthenticated else { return }
        throw ServerConfigurationError(
            message:
                "refusing to serve without authentication on \(host): add server.auth.tokens to feature_store.yaml, bind 127.0.0.1, or pass --allow-unauthenticated"
        )
    }
}

/// A server configuration that must not be used.
public struct ServerConfigurationError: Error, Sendable, CustomStringConvertible {
    /// What is wrong and what to do.
    public var message: String
    /// The message.
    public var description: String { message }
}
