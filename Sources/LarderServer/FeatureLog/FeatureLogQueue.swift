import Larder
import LarderCore
import CoreMetrics
import Dispatch
import Synchronization

/// What the feature server keeps of a sampled online read until the writer logs it: the read
/// itself (its columns share the store's storage, so keeping it copies nothing).
struct PendingFeatureLog: Sendable {
    /// The feature service read.
    var service: String
    /// The request's number in this server's run; the request id is made from it.
    var sequence: UInt64
    /// The instant of the read.
    var logTime: Timestamp
    /// The join keys and request fields sent.
    var entities: [EntityColumn]
    /// The answer.
    var result: OnlineFeatures
    /// How many of the answer's first columns are join keys.
    var keyColumns: Int
}

/// The bounded queue between the scoring path and the log writer. Offering a read takes a
/// lock for an append and never waits: when the rows waiting would exceed the capacity, the
/// read is not logged and its rows are counted as dropped.
final class FeatureLogQueue: Sendable {
    private struct State {
        var pending: [PendingFeatureLog] = []
        var rows = 0
        var sequence: UInt64 = 0
        var stopping = false
    }

    let settings: FeatureLoggingSettings
    private let state = Mutex(State())
    private let draws = Atomic<UInt64>(0)
    private let seed: UInt64
    /// Wakes the writer when a batch is ready or the server stops.
    let wakeup = DispatchSemaphore(value: 0)
    /// Rows not logged because the queue was full.
    let dropped: CoreMetrics.Counter
    /// Rows appended to the offline store.
    let written: CoreMetrics.Counter
    /// Rows the offline store refused (its error is logged).
    let failed: CoreMetrics.Counter

    /// A queue.
    /// - Parameters:
    ///   - settings: the `feature_logging:` settings.
    ///   - dropped: counts rows not logged because the queue was full.
    ///   - written: counts rows appended to the offline store.
    ///   - failed: counts rows the offline store refused.
    init(
        settings: FeatureLoggingSettings, dropped: CoreMetrics.Counter, written: CoreMetrics.Counter,
        failed: CoreMetrics.Counter
    ) {
        self.settings = settings
        self.dropped = dropped
        self.written = written
        self.failed = failed
        var generator = SystemRandomNumberGenerator()
        seed = generator.next()
    }

    /// Whether to log this read of a service: its sample rate, drawn from a counter through
    /// SplitMix64 (no system call, no lock).
    /// - Parameter service: the feature service.
    func samples(_ service: String) -> Bool {
        guard let rate = settings.sampleRates[service], rate > 0 else { return false }
        if rate >= 1 { return true }
        let draw = draws.add(1, ordering: .relaxed).newValue
        var generator = SeededGenerator(seed: seed &+ draw &* 0x9E37_79B9_7F4A_7C15)
        return generator.unit() < rate
    }

    /// Queues a read, or drops it when the queue is full.
    /// - Parameters:
    ///   - service: the feature service read.
    ///   - logTime: the instant of the read.
    ///   - entities: the join keys and request fields sent.
    ///   - result: the answer.
    ///   - keyColumns: how many of its first columns are join keys.
    /// - Returns: whether it was queued.
    @discardableResult
    func offer(
        service: String, logTime: Timestamp, entities: [EntityColumn], result: OnlineFeatures, keyColumns: Int
    ) -> Bool {
        let rows = result.rowCount
        let (queued, wake) = state.withLock { state -> (Bool, Bool) in
            guard !state.stopping, state.rows + rows <= settings.queueCapacity else { return (false, false) }
            state.sequence += 1
            state.pending.append(
                PendingFeatureLog(
                    service: service, sequence: state.sequence, logTime: logTime, entities: entities, result: result,
                    keyColumns: keyColumns))
            let before = state.rows
            state.rows += rows
            // Wake the writer once, when the waiting rows first reach a batch.
            return (true, before < settings.batchRows && state.rows >= settings.batchRows)
        }
        if !queued { dropped.increment(by: rows) }
        if wake { wakeup.signal() }
        return queued
    }

    /// Takes every waiting read.
    /// - Returns: the reads, oldest first, and whether the server is stopping.
    func drain() -> (reads: [PendingFeatureLog], stopping: Bool) {
        state.withLock { state in
            defer {
                state.pending = []
                state.rows = 0
            }
            return (state.pending, state.stopping)
        }
    }

    /// The request id of a queued read: this server run's random prefix and the read's number.
    /// - Parameter sequence: ``PendingFeatureLog/sequence``.
    func requestID(_ sequence: UInt64) -> String {
        "\(String(seed >> 32, radix: 16))-\(sequence)"
    }

    /// Refuses further reads and wakes the writer for its last batch.
    func stop() {
        state.withLock { $0.stopping = true }
        wakeup.signal()
    }
}
