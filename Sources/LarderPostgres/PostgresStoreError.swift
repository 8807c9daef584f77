internal import PostgresNIO

/// A failure of the PostgreSQL server or of the connection to it, with the server's message.
public struct PostgresStoreError: Error, Sendable, CustomStringConvertible {
    /// What failed, naming the server and the statement's purpose, with the server's message.
    public var message: String
    /// The server's SQLSTATE code, when the server answered with an error.
    public var sqlState: String?

    /// An error with a message.
    /// - Parameters:
    ///   - message: what failed.
    ///   - sqlState: the server's SQLSTATE code, if any.
    public init(_ message: String, sqlState: String? = nil) {
        self.message = message
        self.sqlState = sqlState
    }

    /// The message.
    public var description: String { message }

    /// Turns a postgres-nio error (whose description hides the server's message) into one that
    /// says what the server said; other errors are returned unchanged.
    /// - Parameters:
    ///   - error: the error thrown.
    ///   - server: the server, for the message (`host:port/database`).
    /// - Returns: the error to throw.
    static func wrapping(_ error: any Error, server: String) -> any Error {
        guard let error = error as? PSQLError else { return error }
        if let info = error.serverInfo, let text = info[.message] {
            var message = "PostgreSQL at \(server): \(text)"
            if let detail = info[.detail] { message += " (\(detail))" }
            if let hint = info[.hint] { message += "; hint: \(hint)" }
            return PostgresStoreError(message, sqlState: info[.sqlState])
        }
        let cause = error.underlying.map { " (\($0))" } ?? ""
        return PostgresStoreError("PostgreSQL at \(server): \(error.code)\(cause)")
    }
}
