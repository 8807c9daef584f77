/// One reply of a Redis server (RESP2), copied out of the C client's reply object.
enum RedisReply: Sendable, Hashable {
    /// A bulk string.
    case bytes([UInt8])
    /// A status line such as `OK` or `QUEUED`.
    case status(String)
    /// An error line, such as `MOVED 3999 127.0.0.1:6381` or `NOSCRIPT ...`.
    case error(String)
    /// An integer.
    case integer(Int64)
    /// An array of replies.
    case array([RedisReply])
    /// A missing value (a nil bulk string or array).
    case null

    /// The error text, or `nil` when this is not an error.
    var errorMessage: String? {
        if case .error(let message) = self { return message }
        return nil
    }

    /// The elements of an array reply, or `nil`.
    var elements: [RedisReply]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// A bulk string's bytes, or `nil`.
    var byteString: [UInt8]? {
        if case .bytes(let bytes) = self { return bytes }
        return nil
    }

    /// A bulk string or status as text, or `nil`.
    var text: String? {
        switch self {
        case .bytes(let bytes): String(decoding: bytes, as: UTF8.self)
        case .status(let status): status
        default: nil
        }
    }

    /// An integer reply, or `nil`.
    var integer: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }
}
