internal import Logging
internal import NIOCore
internal import NIOPosix
internal import PostgresNIO

/// One connection to PostgreSQL, used synchronously: each call runs its async work as a task
/// on the connection's event loop and blocks the calling thread until the task is done.
///
/// Why this cannot deadlock: the tasks prefer an ``EventLoopTaskExecutor`` on a thread of
/// Larder's own PostgreSQL event loop group (``eventLoopGroup``), which runs nothing but these
/// tasks and the connections' I/O. So the work never needs the thread that waits for it (a
/// request thread, the CLI's main thread or a thread of Swift's cooperative pool), and waiting
/// is refused, with an error, on that loop's own thread.
///
/// Used from one thread at a time, like the store that owns it; statements run in order.
final class PostgresSession {
    /// The event loop group of every PostgreSQL connection of the process: one thread, made on
    /// first use and kept for the life of the process, like NIO's singletons.
    static let eventLoopGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    /// The connection.
    let connection: PostgresConnection
    /// The server, for messages (`host:port/database`).
    let server: String
    let logger: Logger
    private let executor: EventLoopTaskExecutor
    private let inFlight = InFlightStatements()

    /// Connects.
    /// - Parameters:
    ///   - configuration: the server and credentials.
    ///   - server: the server, for messages.
    ///   - logger: where postgres-nio logs.
    /// - Throws: ``PostgresStoreError`` when the server cannot be reached or refuses the login.
    init(configuration: PostgresConnection.Configuration, server: String, logger: Logger) throws {
        let eventLoop = Self.eventLoopGroup.next()
        executor = EventLoopTaskExecutor(eventLoop)
        self.server = server
        self.logger = logger
        connection = try Self.wait(on: eventLoop, executor: executor, server: server) {
            try await PostgresConnection.connect(on: eventLoop, configuration: configuration, id: 1, logger: logger)
        }
        // postgres-nio may leave a statement (a COPY in particular) waiting forever when the
        // connection drops under it: the session answers it with an error instead.
        let inFlight = inFlight
        connection.closeFuture.whenComplete { _ in
            inFlight.close(because: PostgresStoreError("PostgreSQL at \(server): the connection was closed"))
        }
    }

    deinit {
        // Closing needs no answer (the server ends a transaction a dead client left open); the
        // connection is kept until it is closed, as postgres-nio requires.
        let connection = connection
        connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    /// Runs async work with the connection and waits for it.
    /// - Parameter body: the work; it runs on the connection's event loop.
    /// - Returns: what `body` returns.
    /// - Throws: ``PostgresStoreError`` with the server's message; whatever `body` throws.
    func run<Result: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection) async throws -> Result
    ) throws
        -> Result
    {
        try finish(start(body))
    }

    /// Runs one statement that returns no rows we need.
    /// - Parameter sql: the statement.
    /// - Throws: ``PostgresStoreError``.
    func execute(_ sql: String) throws {
        let logger = logger
        try run { connection in
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).consume()
        }
    }

    /// Sends rows to a table with `COPY ... FROM STDIN` in text format.
    /// - Parameters:
    ///   - rows: the rows, as ``CopyTextWriter`` writes them.
    ///   - table: the table (unqualified: found through the search path).
    /// - Throws: ``PostgresStoreError`` naming the line the server could not read.
    func copy(_ rows: ByteBuffer, into table: String) throws {
        try finish(startCopy(rows, into: table))
    }

    /// Starts sending rows with `COPY`, without waiting; see ``copy(_:into:)`` and ``finish(_:)``.
    func startCopy(_ rows: ByteBuffer, into table: String) -> EventLoopFuture<Void> {
        let logger = logger
        return start { connection in
            guard rows.readableBytes > 0 else { return }
            try await connection.copyFrom(table: table, logger: logger) { writer in
                try await writer.write(rows)
            }
        }
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    /// - Parameters:
    ///   - begin: the statement that starts the transaction.
    ///   - body: the work.
    /// - Returns: what `body` returns.
    /// - Throws: what `body` throws; ``PostgresStoreError``.
    func transaction<Result>(_ begin: String = "BEGIN", _ body: () throws -> Result) throws -> Result {
        try execute(begin)
        let result: Result
        do {
            result = try body()
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
        try execute("COMMIT")
        return result
    }

    /// Starts async work with the connection without waiting for it: the calling thread may
    /// prepare the next statement meanwhile, then wait with ``finish(_:)``. Statements run in
    /// the order they were started.
    /// - Parameter body: the work; it runs on the connection's event loop.
    /// - Returns: the work's result, to come.
    func start<Result: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection) async throws -> Result
    )
        -> EventLoopFuture<Result>
    {
        let connection = connection
        let result = Self.start(on: connection.eventLoop, executor: executor, server: server) {
            try await body(connection)
        }
        let promise = connection.eventLoop.makePromise(of: Result.self)
        let inFlight = inFlight
        if let number = inFlight.register({ promise.fail($0) }) {
            promise.futureResult.whenComplete { _ in inFlight.finished(number) }
        }
        result.cascade(to: promise)
        return promise.futureResult
    }

    /// Waits for work begun with ``start(_:)``.
    /// - Parameter future: the work's result.
    /// - Returns: the result.
    /// - Throws: ``PostgresStoreError`` with the server's message; whatever the work threw.
    func finish<Result: Sendable>(_ future: EventLoopFuture<Result>) throws -> Result {
        try Self.wait(for: future)
    }

    private static func wait<Result: Sendable>(
        on eventLoop: any EventLoop, executor: EventLoopTaskExecutor, server: String,
        _ body: @escaping @Sendable () async throws -> Result
    ) throws -> Result {
        try wait(for: start(on: eventLoop, executor: executor, server: server, body))
    }

    private static func start<Result: Sendable>(
        on eventLoop: any EventLoop, executor: EventLoopTaskExecutor, server: String,
        _ body: @escaping @Sendable () async throws -> Result
    ) -> EventLoopFuture<Result> {
        let promise = eventLoop.makePromise(of: Result.self)
        Task(executorPreference: executor) {
            do {
                promise.succeed(try await body())
            } catch {
                promise.fail(PostgresStoreError.wrapping(error, server: server))
            }
        }
        return promise.futureResult
    }

    private static func wait<Result: Sendable>(for future: EventLoopFuture<Result>) throws -> Result {
        guard !future.eventLoop.inEventLoop else {
            throw PostgresStoreError(
                "the PostgreSQL offline store was called from its own event loop, which would block it")
        }
        return try future.wait()
    }
}

@available(*, unavailable)
extension PostgresSession: Sendable {}

extension PostgresRowSequence {
    /// Reads and discards every row, so the statement has finished when this returns.
    func consume() async throws {
        for try await _ in self {}
    }
}
