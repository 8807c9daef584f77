import HTTPTypes
import Larder

/// How the console authenticates: with the same tokens as the feature server, and the
/// `read_online` permission (a read token). A program sends `Authorization: Bearer TOKEN`;
/// a browser signs in once through the login form, which keeps the token in an `HttpOnly`,
/// `SameSite=Strict` cookie, so pages work without JavaScript.
struct ConsoleAuth: Sendable {
    /// The cookie that carries the token.
    static let cookieName = "larder_console_token"
    /// The permission the console needs.
    static let permission = ServerPermission.readOnline

    let authorizer: Authorizer

    /// Whether the console asks for a token.
    var isEnabled: Bool { authorizer.isEnabled }

    /// The `Authorization` value a request authenticates with: its header, or the cookie as
    /// a bearer token.
    /// - Parameter headers: the request's headers.
    /// - Returns: the value, `nil` when the request has neither.
    func authorization(_ headers: HTTPFields) -> String? {
        if let header = headers[.authorization] { return header }
        return Self.cookie(Self.cookieName, in: headers).map { "Bearer \($0)" }
    }

    /// Checks a request's token.
    /// - Parameter headers: the request's headers.
    /// - Returns: the `Authorization` value that passed (for the online read the lookup makes).
    /// - Throws: ``APIError`` 401 or 403, as the feature server answers.
    @discardableResult
    func authorize(_ headers: HTTPFields) throws -> String? {
        let authorization = authorization(headers)
        try authorizer.authorize(authorization: authorization, for: Self.permission)
        return authorization
    }

    /// The `Set-Cookie` value that signs a browser in.
    /// - Parameter token: the token.
    /// - Returns: the header's value.
    static func signInCookie(_ token: String) -> String {
        "\(cookieName)=\(ConsoleURL.encodeComponent(token)); Path=/; HttpOnly; SameSite=Strict"
    }

    /// The `Set-Cookie` value that signs a browser out.
    static let signOutCookie = "\(cookieName)=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"

    /// A cookie's value from the `Cookie` headers.
    /// - Parameters:
    ///   - name: the cookie's name.
    ///   - headers: the request's headers.
    /// - Returns: the value, percent-decoded, or `nil`.
    static func cookie(_ name: String, in headers: HTTPFields) -> String? {
        for header in headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                guard parts.count == 2, parts[0].trimmingCharacters(in: " ") == name else { continue }
                return ConsoleURL.formFields("v=" + parts[1]).first?.value
            }
        }
        return nil
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Character) -> Substring {
        var text = self
        while text.first == set { text = text.dropFirst() }
        while text.last == set { text = text.dropLast() }
        return text
    }
}
