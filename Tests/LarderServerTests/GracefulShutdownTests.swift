import Foundation
import Hummingbird
import LarderServer
import Logging
import ServiceLifecycle
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A graceful shutdown closes idle connections at once and finishes a request that is partly
/// received, even one whose head has not all arrived.
@Suite struct GracefulShutdownTests {
    @Test func aShutdownFinishesARequestPartlyReceivedAndClosesIdleConnections() async throws {
        let fixture = try ServerFixture()
        var configuration = ServerConfiguration()
        configuration.port = try Self.freePort()
        let application = buildApplication(configuration: configuration, store: fixture.store)
        let group = ServiceGroup(configuration: .init(services: [application], logger: Logger(label: "graceful-shutdown-test")))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let connection = try await Self.connect(port: configuration.port)
            let idle = try RawHTTPConnection(port: configuration.port)
            let request = onlineRead(#"{"entities": {"user_id": [1001]}, "feature_service": "fraud_v1"}"#)
            try await connection.send(request)
            #expect(try await connection.response().status == 200)
            try await idle.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try await idle.response().status == 200)

            let split = request.index(request.startIndex, offsetBy: 40)
            try await connection.send(String(request[..<split]))
            try await Task.sleep(for: .milliseconds(100))
            await group.triggerGracefulShutdown()
            #expect(await idle.isClosedByServer())
            try await Task.sleep(for: .milliseconds(100))
            try await connection.send(String(request[split...]))
            #expect(try await connection.response().status == 200)
            #expect(await connection.isClosedByServer())
            try await tasks.waitForAll()
        }
    }

    /// Connects once the server listens.
    static func connect(port: Int) async throws -> RawHTTPConnection {
        for _ in 0..<200 {
            if let connection = try? RawHTTPConnection(port: port) { return connection }
            try await Task.sleep(for: .milliseconds(50))
        }
        return try RawHTTPConnection(port: port)
    }

    /// A port no one listens on now.
    static func freePort() throws -> Int {
        let probe = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(probe) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(probe, $0, length) == 0 && getsockname(probe, $0, &length) == 0
            }
        }
        guard bound else { throw RawHTTPConnection.Failure.connect("no free port: \(String(cString: strerror(errno)))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
