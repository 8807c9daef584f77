/// What a token may do on the feature server.
public enum ServerPermission: String, Sendable, Hashable, CaseIterable {
    /// Read features (`/get-online-features`).
    case readOnline = "read_online"
    /// Write rows (`/push`, `/write-to-online-store`).
    case push
    /// Run materializations (`/materialize`, `/materialize-incremental`).
    case materialize
}

/// A bearer token the feature server accepts. Only the SHA-256 of the token is kept.
public struct ServerToken: Sendable, Hashable {
    /// Who the token belongs to, for logs.
    public var name: String
    /// The SHA-256 digest of the token, 64 lowercase hex digits.
    public var sha256: String
    /// What the token may do.
    public var permissions: Set<ServerPermission>

    /// A token.
    /// - Parameters:
    ///   - name: who the token belongs to.
    ///   - sha256: the token's SHA-256 digest in hex.
    ///   - permissions: what it may do.
    public init(name: String, sha256: String, permissions: Set<ServerPermission>) {
        self.name = name
        self.sha256 = sha256.lowercased()
        self.permissions = permissions
    }
}

/// The `server:` section of `feature_store.yaml`: authentication and request limits.
public struct ServerSettings: Sendable, Hashable {
    /// The accepted tokens; `nil` when authentication is off (no `auth:` section).
    public var tokens: [ServerToken]?
    /// The largest request body accepted, in bytes; larger bodies get 413.
    public var maxBodyBytes: Int = 10 << 20
    /// The most entity rows one `/get-online-features` request may ask for.
    public var maxEntityRows: Int = 10_000

    /// The defaults: no authentication, 10 MiB bodies, 10,000 entity rows.
    public init() {}
}
