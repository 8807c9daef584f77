internal import NIOCore

/// Runs the jobs of the tasks that prefer it on one NIO event loop: the store's PostgreSQL
/// work runs on the loop that owns its connection, never on Swift's cooperative thread pool,
/// so a caller that blocks a pool thread waiting for it cannot starve it.
final class EventLoopTaskExecutor: TaskExecutor {
    /// The loop the jobs run on.
    let eventLoop: any EventLoop

    /// An executor for one loop.
    /// - Parameter eventLoop: the loop.
    init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    /// Schedules a job on the loop.
    /// - Parameter job: the job.
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute {
            job.runSynchronously(on: self.asUnownedTaskExecutor())
        }
    }
}
