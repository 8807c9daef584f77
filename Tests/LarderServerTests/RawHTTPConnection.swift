import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A TCP connection to a live server that sends bytes exactly as given (pipelined requests,
/// a request split anywhere) and reads whole HTTP/1.1 responses, with a receive timeout.
///
/// Its blocking socket calls run on a dispatch queue, never on the tasks' cooperative threads,
/// which the server under test needs for the requests Hummingbird's router answers. One task
/// uses a connection at a time.
final class RawHTTPConnection: @unchecked Sendable {
    private let socket: Int32
    private var received: [UInt8] = []

    /// A response as received: its head's lines and its body.
    struct Response {
        /// The status line, then the header lines.
        var headLines: [String]
        var body: String
        /// The status code.
        var status: Int { Int(headLines[0].split(separator: " ")[1]) ?? 0 }
        /// The head with the `Date` header's value blanked, for comparing two responses.
        var headWithoutDate: [String] { headLines.map { $0.hasPrefix("Date: ") ? "Date: -" : $0 } }
    }

    enum Failure: Error {
        case connect(String)
        case closed
        case malformed(String)
    }

    /// Connects to 127.0.0.1.
    init(port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(socket)
            throw Failure.connect(String(cString: strerror(errno)))
        }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(socket) }

    /// The response to one request sent alone on a new connection.
    static func answer(_ request: String, port: Int) async throws -> Response {
        let connection = try RawHTTPConnection(port: port)
        try await connection.send(request)
        return try await connection.response()
    }

    /// Sends bytes as one write.
    func send(_ text: String) async throws {
        try await Self.offCooperativeThreads { try self.sendNow(text) }
    }

    /// Reads one whole response (a `Content-Length` body).
    func response() async throws -> Response {
        try await Self.offCooperativeThreads { try self.responseNow() }
    }

    /// Whether the server closed the connection (after any responses already read).
    func isClosedByServer() async -> Bool {
        (try? await Self.offCooperativeThreads { self.isClosedByServerNow() }) ?? true
    }

    private static func offCooperativeThreads<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T
    {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }

    private func sendNow(_ text: String) throws {
        var bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.send(socket, $0.baseAddress! + sent, $0.count - sent, 0) }
            guard count > 0 else { throw Failure.closed }
            sent += count
        }
    }

    private func responseNow() throws -> Response {
        while true {
            if let end = headEnd() {
                let head = String(decoding: received[..<end], as: UTF8.self)
                let lines = head.components(separatedBy: "\r\n")
                guard let lengthLine = lines.first(where: { $0.lowercased().hasPrefix("content-length:") }),
                    let length = Int(lengthLine.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
                else { throw Failure.malformed(head) }
                while received.count < end + 4 + length { try fill() }
                let body = String(decoding: received[(end + 4)..<(end + 4 + length)], as: UTF8.self)
                received.removeFirst(end + 4 + length)
                return Response(headLines: lines, body: body)
            }
            try fill()
        }
    }

    private func isClosedByServerNow() -> Bool {
        guard received.isEmpty else { return false }
        do {
            try fill()
            return false
        } catch {
            return true
        }
    }

    private func headEnd() -> Int? {
        guard received.count >= 4 else { return nil }
        for index in 0...(received.count - 4)
        where received[index] == 13 && received[index + 1] == 10 && received[index + 2] == 13
            && received[index + 3] == 10
        {
            return index
        }
        return nil
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress!, $0.count, 0) }
        guard count > 0 else { throw Failure.closed }
        received.append(contentsOf: chunk[0..<count])
    }
}

/// A `POST /get-online-features` request with a `Content-Length` body.
/// - Parameters:
///   - body: the JSON body.
///   - headers: extra header lines, each without its line end.
func onlineRead(_ body: String, headers: [String] = []) -> String {
    let extra = headers.map { $0 + "\r\n" }.joined()
    return
        "POST /get-online-features HTTP/1.1\r\nHost: 127.0.0.1\r\n\(extra)Content-Length: \(body.utf8.count)\r\n\r\n\(body)"
}
