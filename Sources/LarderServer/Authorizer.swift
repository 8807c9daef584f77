import HTTPTypes
import Larder

/// Checks the bearer token of a request against the tokens of `feature_store.yaml`. With no
/// tokens configured every request is allowed.
struct Authorizer: Sendable {
    /// Accepted tokens, `nil` when authentication is off.
    let tokens: [ServerToken]?

    /// Whether authentication is on.
    var isEnabled: Bool { tokens != nil }

    /// Checks that a request carries a token with a permission, before anything is read or
    /// written.
    /// - Parameters:
    ///   - headers: the request's headers.
    ///   - permission: what the route does.
    /// - Returns: the token's name, or `nil` when authentication is off.
    /// - Throws: ``APIError`` 401 without a valid token, 403 when the token lacks the permission.
    @discardableResult
    func authorize(_ headers: HTTPFields, for permission: ServerPermission) throws -> String? {
        try authorize(authorization: headers[.authorization], for: permission)
    }

    /// Checks an `Authorization` header's value for a permission.
    /// - Parameters:
    ///   - authorization: the header's value, or `nil` when the request has none.
    ///   - permission: what the route does.
    /// - Returns: the token's name, or `nil` when authentication is off.
    /// - Throws: ``APIError`` 401 without a valid token, 403 when the token lacks the permission.
    @discardableResult
    func authorize(authorization: String?, for permission: ServerPermission) throws -> String? {
        guard let tokens else { return nil }
        guard let header = authorization else {
            throw APIError(.unauthorized, "unauthorized", "missing 'Authorization: Bearer TOKEN' header")
        }
        let prefix = "bearer "
        guard header.count > prefix.count, header.prefix(prefix.count).lowercased() == prefix else {
            throw APIError(.unauthorized, "unauthorized", "the Authorization header must be 'Bearer TOKEN'")
        }
        let digest = SHA256.hex(Array(header.dropFirst(prefix.count).trimmingSpaces.utf8))
        guard let token = tokens.first(where: { Self.constantTimeEqual($0.sha256, digest) }) else {
            throw APIError(.unauthorized, "unauthorized", "the bearer token is not valid")
        }
        guard token.permissions.contains(permission) else {
            throw APIError(
                .forbidden, "forbidden", "token '\(token.name)' does not have the '\(permission.rawValue)' permission")
        }
        return token.name
    }

    private static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return text
    }
}
