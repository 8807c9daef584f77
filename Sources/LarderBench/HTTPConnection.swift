#if canImport(Glibc)
import Glibc
#endif

/// One keep-alive HTTP/1.1 connection to 127.0.0.1 over a blocking socket: sends a request
/// prepared beforehand and reads the response at the byte level (status code, then the
/// `Content-Length` body), so a timed round trip holds as little of the client's own work as
/// possible.
final class HTTPConnection {
    private let socket: Int32
    private var buffer: [UInt8]
    private var filled = 0
    /// Whether waiting for an answer polls the socket instead of sleeping in `recv`.
    private let polls: Bool

    /// Connects.
    /// - Parameters:
    ///   - port: the TCP port on 127.0.0.1.
    ///   - polls: wait for answers by polling the socket, so the client's own wake-up from
    ///     `recv` (tens of microseconds on a virtual machine) is not counted.
    /// - Throws: ``BenchmarkInputError`` when the connection fails.
    init(port: UInt16, polls: Bool = false) throws {
        socket = try LoopbackSocket.connect(port: port)
        self.polls = polls
        buffer = [UInt8](repeating: 0, count: 1 << 20)
    }

    deinit { close(socket) }

    /// The bytes of a JSON POST.
    static func post(path: String, body: String) -> [UInt8] {
        Array(
            "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
                .utf8)
    }

    /// Sends a prepared request and reads the whole response.
    /// - Returns: the status code.
    func send(_ request: [UInt8]) throws -> Int {
        var sent = 0
        while sent < request.count {
            let count = request.withUnsafeBytes { Glibc.send(socket, $0.baseAddress! + sent, $0.count - sent, 0) }
            guard count > 0 else { throw BenchmarkInputError("send failed: \(String(cString: strerror(errno)))") }
            sent += count
        }
        var headEnd = 0
        while true {
            if let end = find(headEndFrom: max(0, headEnd - 3)) {
                headEnd = end
                break
            }
            headEnd = filled
            try fill()
        }
        let status = try statusCode()
        let total = headEnd + 4 + (try contentLength(headEnd: headEnd))
        while filled < total { try fill() }
        buffer.withUnsafeMutableBytes { raw in
            raw.baseAddress!.copyMemory(from: raw.baseAddress! + total, byteCount: filled - total)
        }
        filled -= total
        return status
    }

    private func find(headEndFrom start: Int) -> Int? {
        guard filled >= 4 else { return nil }
        var index = start
        while index + 3 < filled {
            if buffer[index] == 13, buffer[index + 1] == 10, buffer[index + 2] == 13, buffer[index + 3] == 10 {
                return index
            }
            index += 1
        }
        return nil
    }

    /// The three digits after `HTTP/1.1 `.
    private func statusCode() throws -> Int {
        guard filled >= 12, buffer[8] == UInt8(ascii: " ") else { throw BenchmarkInputError("bad status line") }
        return buffer[9..<12].reduce(0) { $0 * 10 + Int($1) - 48 }
    }

    /// The `Content-Length` header's value, found without building strings.
    private func contentLength(headEnd: Int) throws -> Int {
        let name = Array("\r\ncontent-length:".utf8)
        var index = 0
        search: while index + name.count <= headEnd {
            for (offset, byte) in name.enumerated() where (buffer[index + offset] | (byte >= 97 ? 0x20 : 0)) != byte {
                index += 1
                continue search
            }
            var cursor = index + name.count
            while buffer[cursor] == UInt8(ascii: " ") { cursor += 1 }
            var length = 0
            while cursor < headEnd, buffer[cursor] >= 48, buffer[cursor] <= 57 {
                length = length * 10 + Int(buffer[cursor]) - 48
                cursor += 1
            }
            return length
        }
        throw BenchmarkInputError("the response has no Content-Length")
    }

    private func fill() throws {
        if filled == buffer.count { buffer.append(contentsOf: [UInt8](repeating: 0, count: buffer.count)) }
        var count = 0
        repeat {
            count = buffer.withUnsafeMutableBytes {
                recv(socket, $0.baseAddress! + filled, $0.count - filled, polls ? Int32(MSG_DONTWAIT) : 0)
            }
        } while count < 0 && errno == EAGAIN
        guard count > 0 else { throw BenchmarkInputError("the server closed the connection") }
        filled += count
    }
}
