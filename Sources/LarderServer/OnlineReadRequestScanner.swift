/// Recognises, in the raw bytes of a connection, the one request shape a scoring client sends
/// over and over: an HTTP/1.1 `POST /get-online-features` with a `Content-Length` body and
/// plain headers.
///
/// It is strict on purpose. Anything it does not fully understand (another method, path or
/// version, `Transfer-Encoding`, `Expect`, `Upgrade`, a `Connection` other than `keep-alive`,
/// a `Content-Type` other than JSON (answered 415 there), a repeated `Content-Length` or
/// `Authorization`, folded or malformed header lines, a body over the server's limit, headers
/// over ``maxHeaderBytes``) is ``Scan/other``, and the connection goes on through the full
/// HTTP stack, which answers every case as it always has.
enum OnlineReadRequestScanner {
    /// The longest request head looked at; a longer one goes to the full HTTP stack.
    static let maxHeaderBytes = 8_192

    /// A recognised request head.
    struct Head: Equatable {
        /// The bytes of the request line and headers, through the blank line.
        var headLength: Int
        /// The body's length.
        var contentLength: Int
        /// The `Authorization` header's value, if present.
        var authorization: String?
    }

    /// What the start of the unread bytes holds.
    enum Scan: Equatable {
        /// A recognised head; the body may still be arriving.
        case onlineRead(Head)
        /// Not enough bytes yet to tell.
        case incomplete
        /// A request the full HTTP stack must answer.
        case other
    }

    private static let requestLinePrefix = Array("POST /get-online-features".utf8)
    private static let versionSuffix = Array(" HTTP/1.1\r\n".utf8)

    /// Scans the bytes at the start of a connection's unread input.
    /// - Parameters:
    ///   - bytes: the unread bytes.
    ///   - maxBodyBytes: the largest body the server accepts.
    /// - Returns: what they hold.
    static func scan(_ bytes: UnsafeRawBufferPointer, maxBodyBytes: Int) -> Scan {
        var cursor = Cursor(bytes: bytes, limit: min(bytes.count, maxHeaderBytes))
        switch cursor.requestLine() {
        case .incomplete: return cursor.truncated ? .other : .incomplete
        case .other, .endOfHead: return .other
        case .matched: break
        }
        var head = Head(headLength: 0, contentLength: -1, authorization: nil)
        while true {
            switch cursor.headerLine(into: &head) {
            case .incomplete: return cursor.truncated ? .other : .incomplete
            case .other: return .other
            case .matched: continue
            case .endOfHead:
                guard head.contentLength >= 0, head.contentLength <= maxBodyBytes else { return .other }
                head.headLength = cursor.position
                return .onlineRead(head)
            }
        }
    }

    private enum Step {
        case matched, incomplete, other, endOfHead
    }

    /// A read position in the head, which never goes past `limit`.
    private struct Cursor {
        let bytes: UnsafeRawBufferPointer
        let limit: Int
        var position = 0

        init(bytes: UnsafeRawBufferPointer, limit: Int) {
            self.bytes = bytes
            self.limit = limit
        }

        /// Whether the head was cut off by ``OnlineReadRequestScanner/maxHeaderBytes`` rather
        /// than by the end of the bytes received so far.
        var truncated: Bool { limit == OnlineReadRequestScanner.maxHeaderBytes }

        /// `POST /get-online-features[?query] HTTP/1.1\r\n`.
        mutating func requestLine() -> Step {
            guard literal(OnlineReadRequestScanner.requestLinePrefix) else {
                return position == limit ? .incomplete : .other
            }
            if position < limit, bytes[position] == UInt8(ascii: "?") {
                position += 1
                while position < limit, bytes[position] > 0x20, bytes[position] < 0x7F { position += 1 }
            }
            guard literal(OnlineReadRequestScanner.versionSuffix) else {
                return position == limit ? .incomplete : .other
            }
            return .matched
        }

        /// One `name: value\r\n` line, or the blank line that ends the head.
        mutating func headerLine(into head: inout Head) -> Step {
            guard position + 1 < limit else { return .incomplete }
            if bytes[position] == UInt8(ascii: "\r") {
                guard bytes[position + 1] == UInt8(ascii: "\n") else { return .other }
                position += 2
                return .endOfHead
            }
            let nameStart = position
            while position < limit, Self.isTokenByte(bytes[position]) { position += 1 }
            guard position < limit else { return .incomplete }
            guard position > nameStart, bytes[position] == UInt8(ascii: ":") else { return .other }
            let nameEnd = position
            position += 1
            while position < limit, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") {
                position += 1
            }
            let valueStart = position
            while position < limit, Self.isFieldValueByte(bytes[position]) { position += 1 }
            guard position + 1 < limit else { return .incomplete }
            guard bytes[position] == UInt8(ascii: "\r"), bytes[position + 1] == UInt8(ascii: "\n") else {
                return .other
            }
            var valueEnd = position
            while valueEnd > valueStart,
                bytes[valueEnd - 1] == UInt8(ascii: " ") || bytes[valueEnd - 1] == UInt8(ascii: "\t")
            {
                valueEnd -= 1
            }
            position += 2
            let name = UnsafeRawBufferPointer(rebasing: bytes[nameStart..<nameEnd])
            let value = UnsafeRawBufferPointer(rebasing: bytes[valueStart..<valueEnd])
            return Self.record(name: name, value: value, into: &head) ? .matched : .other
        }

        /// Takes a header into the head; `false` for one that needs the full HTTP stack.
        private static func record(
            name: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer, into head: inout Head
        ) -> Bool {
            switch name.count {
            case 14 where equalsIgnoringCase(name, "content-length"):
                guard head.contentLength < 0, (1...9).contains(value.count) else { return false }
                var length = 0
                for byte in value {
                    guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return false }
                    length = length * 10 + Int(byte - UInt8(ascii: "0"))
                }
                head.contentLength = length
            case 13 where equalsIgnoringCase(name, "authorization"):
                guard head.authorization == nil else { return false }
                head.authorization = String(decoding: value, as: UTF8.self)
            case 12 where equalsIgnoringCase(name, "content-type"):
                // The full stack answers any other type with 415.
                return JSONMediaType.accepts(value)
            case 10 where equalsIgnoringCase(name, "connection"):
                return equalsIgnoringCase(value, "keep-alive")
            case 17 where equalsIgnoringCase(name, "transfer-encoding"),
                6 where equalsIgnoringCase(name, "expect"),
                7 where equalsIgnoringCase(name, "upgrade"):
                return false
            default:
                break
            }
            return true
        }

        private mutating func literal(_ expected: [UInt8]) -> Bool {
            for byte in expected {
                guard position < limit, bytes[position] == byte else { return false }
                position += 1
            }
            return true
        }

        private static func equalsIgnoringCase(_ bytes: UnsafeRawBufferPointer, _ lowercase: StaticString) -> Bool {
            guard bytes.count == lowercase.utf8CodeUnitCount else { return false }
            let expected = UnsafeRawBufferPointer(start: lowercase.utf8Start, count: lowercase.utf8CodeUnitCount)
            for (byte, wanted) in zip(bytes, expected) {
                let lowered = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                guard lowered == wanted else { return false }
            }
            return true
        }

        /// RFC 9110's `tchar`.
        private static func isTokenByte(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                return true
            case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "#"),
                UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "*"),
                UInt8(ascii: "+"), UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
                return true
            default:
                return false
            }
        }

        /// Visible characters, spaces, tabs and obs-text; no control characters.
        private static func isFieldValueByte(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "\t") || (byte >= 0x20 && byte != 0x7F)
        }
    }
}
