import Hummingbird
import LarderServer
import Logging
import ServiceLifecycle
import Testing

/// A graceful shutdown closes idle connections at once and finishes a request that is partly
/// received, even one whose head has not all arrived.
///
/// Nothing here waits a fixed time. The partial request goes in the same write as a whole
/// one, so once the whole one is answered the server holds the partial one (a single write of
/// a few hundred bytes arrives over loopback in one read); only then does the shutdown begin.
/// Sleeping instead ("the server will have read it within 100 ms") failed on a busy machine:
/// the shutdown reached a connection whose bytes were not read yet, which is idle and closes.
@Suite struct GracefulShutdownTests {
    @Test func aShutdownFinishesARequestPartlyReceivedAndClosesIdleConnections() async throws {
        let fixture = try ServerFixture()
        let (application, ports) = ListeningApplication.wrapping(
            buildApplication(configuration: ServerConfiguration(), store: fixture.store))
        let group = ServiceGroup(
            configuration: .init(services: [application], logger: Logger(label: "graceful-shutdown-test")))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var listening = ports.makeAsyncIterator()
            let port = try #require(await listening.next())
            let connection = try RawHTTPConnection(port: port)
            let idle = try RawHTTPConnection(port: port)
            let request = onlineRead(#"{"entities": {"user_id": [1001]}, "feature_service": "fraud_v1"}"#)
            try await idle.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try await idle.response().status == 200)

            let split = request.index(request.startIndex, offsetBy: 40)
            try await connection.send(request + request[..<split])
            #expect(try await connection.response().status == 200)
            await group.triggerGracefulShutdown()
            #expect(await idle.isClosedByServer())
            try await connection.send(String(request[split...]))
            #expect(try await connection.response().status == 200)
            #expect(await connection.isClosedByServer())
            try await tasks.waitForAll()
        }
    }
}
