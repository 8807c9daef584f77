import NIOPosix

/// Runs blocking closures on NIO's shared thread pool.
enum NIOThreadPoolRunner {
    /// Runs `work` on a pool thread and returns its result.
    static func run<Result: Sendable>(_ work: @escaping @Sendable () throws -> Result) async throws -> Result {
        try await NIOThreadPool.singleton.runIfActive(work)
    }
}
