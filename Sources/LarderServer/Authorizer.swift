import Crypto
import HTTPTypes
import Larder

/// Checks the bearer token of a request against the tokens of `feature_store.yaml`, which
/// keeps only their SHA-256 digests. With no tokens configured every request is allowed.
struct Authorizer: Sendable {
    /// Accepted tokens with their digests' bytes, `nil` when authentication is off.
    private let tokens: [(token: ServerToken, digest: [UInt8])]?

    /// Whether authentication is on.
    var isEnabled: Bool { tokens != nil }

    /// An authorizer for the configured tokens.
    /// - Parameter tokens: the tokens of `server.auth.tokens`, `nil` when authentication is off.
    init(tokens: [ServerToken]?) {
        self.tokens = tokens?.map { ($0, Self.bytes(hex: $0.sha256)) }
    }

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
        let digest = Array(SHA256.hash(data: Array(header.dropFirst(prefix.count).trimmingSpaces.utf8)))
        guard let token = tokens.first(where: { Self.constantTimeEqual($0.digest, digest) })?.token else {
            throw APIError(.unauthorized, "unauthorized", "the bearer token is not valid")
        }
        guard token.permissions.contains(permission) else {
            throw APIError(
                .forbidden, "forbidden", "token '\(token.name)' does not have the '\(permission.rawValue)' permission")
        }
        return token.name
    }

    /// Compares two digests in time that depends on their length only, never on where
    /// they differ.
    private static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }

    /// The bytes of a configured digest; empty (matching no token) when it is not hex.
    private static func bytes(hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return [] }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return [] }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
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
