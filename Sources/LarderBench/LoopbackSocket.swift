#if canImport(Glibc)
import Glibc
#endif

/// Blocking TCP sockets on 127.0.0.1 for the HTTP clients of the benchmarks, with Nagle's
/// algorithm off.
enum LoopbackSocket {
    /// Connects to a port on 127.0.0.1.
    /// - Parameter port: the TCP port.
    /// - Returns: the socket.
    /// - Throws: ``BenchmarkInputError`` when the connection fails.
    static func connect(port: UInt16) throws -> Int32 {
        let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = address(port: port)
        guard withSocketAddress(&address, { Glibc.connect(client, $0, $1) }) == 0 else {
            close(client)
            throw BenchmarkInputError("cannot connect to 127.0.0.1:\(port): \(String(cString: strerror(errno)))")
        }
        setNoDelay(client)
        return client
    }

    /// Listens on a free port of 127.0.0.1.
    /// - Returns: the listening socket and its port.
    /// - Throws: ``BenchmarkInputError`` when no port can be bound.
    static func listen() throws -> (socket: Int32, port: UInt16) {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var bound = address(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        guard withSocketAddress(&bound, { bind(listener, $0, $1) }) == 0, Glibc.listen(listener, 1) == 0,
            withUnsafeMutablePointer(
                to: &bound,
                {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
                }) == 0
        else {
            close(listener)
            throw BenchmarkInputError("cannot listen on 127.0.0.1: \(String(cString: strerror(errno)))")
        }
        return (listener, UInt16(bigEndian: bound.sin_port))
    }

    /// Turns Nagle's algorithm off, so small answers leave at once.
    static func setNoDelay(_ socket: Int32) {
        var on: Int32 = 1
        setsockopt(socket, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
    }

    private static func address(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    private static func withSocketAddress<R>(
        _ address: inout sockaddr_in, _ body: (UnsafePointer<sockaddr>, socklen_t) -> R
    ) -> R {
        withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
    }
}
