#if canImport(Glibc)
import Glibc
#endif

/// `larder-bench http-floor --port P [--threads N] [--body-bytes B]`: the ceiling under the
/// feature server's throughput on this machine. A server that does no work: each thread runs
/// a `poll` loop on its own `SO_REUSEPORT` listener on 127.0.0.1 and answers every read with
/// the same `200 OK` of B bytes (1,036 by default, the size of a one-entity answer), parsing
/// nothing (connections are watched with `poll`). It runs until killed. Under `wrk` with the same script as `larder serve`, it shows
/// what the client and the kernel's loopback TCP leave for a server's own work.
///
/// It assumes one request per read, which holds for `wrk`'s one-at-a-time requests.
enum HTTPFloorServer {
    static func run(_ arguments: [String]) throws {
        let options = try BenchmarkOptions(arguments, known: ["port", "threads", "body-bytes"])
        let port = try options.int("port", default: 0)
        guard port > 0 else { throw BenchmarkInputError("--port is required") }
        let threads = try options.int("threads", default: 2)
        let bodyBytes = try options.int("body-bytes", default: 1_036)
        let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(bodyBytes)\r\n\r\n"
        let response = Array(head.utf8) + [UInt8](repeating: UInt8(ascii: " "), count: bodyBytes)
        let listeners = try (0..<threads).map { _ in try listen(port: UInt16(port)) }
        let banner = Array("http-floor listening on 127.0.0.1:\(port) with \(threads) threads\n".utf8)
        _ = banner.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress!, $0.count) }  // unbuffered: it never exits
        var handles: [pthread_t] = []
        for listener in listeners {
            var handle = pthread_t()
            let context = Unmanaged.passRetained(Loop(listener: listener, response: response)).toOpaque()
            pthread_create(
                &handle, nil,
                { context in
                    Unmanaged<Loop>.fromOpaque(context!).takeRetainedValue().serve()
                    return nil
                }, context)
            handles.append(handle)
        }
        for handle in handles { pthread_join(handle, nil) }
    }

    /// One thread's listener and connections.
    private final class Loop {
        let listener: Int32
        let response: [UInt8]

        init(listener: Int32, response: [UInt8]) {
            self.listener = listener
            self.response = response
        }

        func serve() {
            var watched = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0)]
            var input = [UInt8](repeating: 0, count: 65_536)
            while true {
                guard poll(&watched, nfds_t(watched.count), -1) > 0 else { continue }
                var closed: Set<Int32> = []
                for index in 1..<max(1, watched.count) where watched[index].revents != 0 {
                    let socket = watched[index].fd
                    let count = input.withUnsafeMutableBytes { read(socket, $0.baseAddress!, $0.count) }
                    guard count > 0, response.withUnsafeBytes({ write(socket, $0.baseAddress!, $0.count) }) > 0 else {
                        close(socket)
                        closed.insert(socket)
                        continue
                    }
                }
                if !closed.isEmpty { watched.removeAll { closed.contains($0.fd) } }
                if watched[0].revents != 0 {
                    while case let connection = accept(listener, nil, nil), connection >= 0 {
                        LoopbackSocket.setNoDelay(connection)
                        watched.append(pollfd(fd: connection, events: Int16(POLLIN), revents: 0))
                    }
                }
            }
        }
    }

    private static func listen(port: UInt16) throws -> Int32 {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        var on: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEPORT, &on, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, Glibc.listen(listener, 128) == 0 else {
            close(listener)
            throw BenchmarkInputError("cannot listen on 127.0.0.1:\(port): \(String(cString: strerror(errno)))")
        }
        return listener
    }
}
