#if canImport(Glibc)
import Glibc
#endif

/// One keep-alive HTTP/1.1 connection to 127.0.0.1 over a blocking socket: sends a POST,
/// reads the status line, headers and a `Content-Length` body.
final class HTTPConnection {
    private let socket: Int32
    private var buffer: [UInt8] = []
    private var chunk = [UInt8](repeating: 0, count: 65_536)

    /// Connects.
    /// - Parameter port: the TCP port on 127.0.0.1.
    /// - Throws: ``BenchmarkInputError`` when the connection fails.
    init(port: UInt16) throws {
        socket = try LoopbackSocket.connect(port: port)
    }

    deinit { close(socket) }

    /// Sends a JSON POST and reads the whole response.
    /// - Returns: the status code.
    func post(path: String, body: String) throws -> Int {
        let request = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
        var bytes = Array(request.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeMutableBytes { send(socket, $0.baseAddress! + sent, $0.count - sent, 0) }
            guard count > 0 else { throw BenchmarkInputError("send failed: \(String(cString: strerror(errno)))") }
            sent += count
        }
        bytes.removeAll(keepingCapacity: true)
        let headerEnd = try readUntilHeaderEnd()
        let head = String(decoding: buffer[..<headerEnd], as: UTF8.self)
        let lines = head.split(separator: "\r\n")
        guard let statusLine = lines.first, statusLine.split(separator: " ").count >= 2,
            let status = Int(statusLine.split(separator: " ")[1])
        else { throw BenchmarkInputError("bad status line: \(head.prefix(80))") }
        guard let lengthLine = lines.first(where: { $0.lowercased().hasPrefix("content-length:") }),
            let length = Int(lengthLine.split(separator: ":")[1].trimmingCharacters(in: " "))
        else { throw BenchmarkInputError("the response has no Content-Length") }
        let total = headerEnd + 4 + length
        while buffer.count < total { try fill() }
        buffer.removeFirst(total)
        return status
    }

    private func readUntilHeaderEnd() throws -> Int {
        var searched = 0
        while true {
            if buffer.count >= 4 {
                for index in max(0, searched - 3)...(buffer.count - 4)
                where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
                    return index
                }
                searched = buffer.count
            }
            try fill()
        }
    }

    private func fill() throws {
        let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress!, $0.count, 0) }
        guard count > 0 else { throw BenchmarkInputError("the server closed the connection") }
        buffer.append(contentsOf: chunk[0..<count])
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
