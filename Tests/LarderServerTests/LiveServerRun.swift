import Hummingbird
import LarderServer
import Logging
import ServiceLifecycle

/// Runs a repository's feature server in a service group of the test's own, listening on a
/// port the system picks; `body` gets the port. Afterwards the graceful shutdown runs to its
/// end (the served-feature log flushed, the stores closed) before this returns.
/// - Parameters:
///   - fixture: the repository.
///   - body: what to do while the server listens.
/// - Returns: what `body` returns.
func withLiveServer<Result: Sendable>(
    _ fixture: ServerFixture, _ body: @escaping @Sendable (_ port: Int) async throws -> Result
) async throws -> Result {
    let (application, ports) = ListeningApplication.wrapping(
        buildApplication(configuration: ServerConfiguration(), store: fixture.store))
    let group = ServiceGroup(configuration: .init(services: [application], logger: Logger(label: "live-server-test")))
    return try await withThrowingTaskGroup(of: Result?.self) { tasks in
        tasks.addTask {
            try await group.run()
            return nil
        }
        var listening = ports.makeAsyncIterator()
        guard let port = await listening.next() else { throw LiveServerError.notListening }
        let result: Result
        do {
            result = try await body(port)
        } catch {
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            throw error
        }
        await group.triggerGracefulShutdown()
        try await tasks.waitForAll()
        return result
    }
}

/// The server did not report a port.
enum LiveServerError: Error {
    case notListening
}
