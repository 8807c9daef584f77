import Dispatch
import Synchronization

/// Produces a numbered sequence of values on another thread, a few ahead of the caller that
/// consumes them in order, so that producing the next value (gathering rows into
/// point-in-time order) overlaps with consuming the current one (inserting them into SQLite)
/// on a second core.
enum Prefetch {
    /// Calls `consume` with `produce(0)`, `produce(1)`, ..., `produce(count - 1)`, in order, on
    /// the calling thread, while up to `ahead` of the next values are produced on another
    /// thread. When `consume` throws, production stops; either way the producing thread has
    /// finished when this returns.
    /// - Parameters:
    ///   - count: how many values there are.
    ///   - ahead: how many produced values may wait to be consumed (each holds memory).
    ///   - produce: makes value `index`; runs on the other thread.
    ///   - consume: takes each value, on the calling thread.
    /// - Throws: what `consume` throws.
    static func forEach<Value: Sendable>(
        count: Int, ahead: Int = 2, produce: @escaping @Sendable (Int) -> Value, consume: (Value) throws -> Void
    ) throws {
        guard count > 1 else {
            for index in 0..<count { try consume(produce(index)) }
            return
        }
        let channel = PrefetchChannel<Value>(capacity: max(1, ahead))
        let finished = DispatchSemaphore(value: 0)
        // A queue of its own rather than a global one: a global queue runs as many blocks at
        // once as there are cores, so callers that themselves run on it (and wait here) could
        // leave no thread for the producer; a queue of its own always gets one.
        DispatchQueue(label: "larder.prefetch").async {
            defer { finished.signal() }
            for index in 0..<count {
                guard channel.waitForRoom() else { return }
                channel.put(produce(index))
            }
        }
        defer {
            channel.stop()
            finished.wait()
        }
        for _ in 0..<count {
            try consume(channel.take())
        }
    }
}

/// The bounded hand-off between ``Prefetch``'s producing thread and its caller.
private final class PrefetchChannel<Value: Sendable>: Sendable {
    private struct State {
        var values: [Value] = []
        var stopped = false
    }

    private let state = Mutex(State())
    /// Signalled when a produced value may be added.
    private let room = DispatchSemaphore(value: 0)
    /// Signalled once per value added.
    private let filled = DispatchSemaphore(value: 0)

    /// A channel holding at most `capacity` values not yet taken.
    init(capacity: Int) {
        // Signalled rather than made with that value: libdispatch traps when a semaphore goes
        // away below the value it was made with, as `room` does when the consumer stops early.
        for _ in 0..<capacity { room.signal() }
    }

    /// Waits until a value may be produced.
    /// - Returns: `false` when the consumer has stopped taking values.
    func waitForRoom() -> Bool {
        room.wait()
        return state.withLock { !$0.stopped }
    }

    /// Hands over a produced value.
    func put(_ value: Value) {
        state.withLock { $0.values.append(value) }
        filled.signal()
    }

    /// The oldest value not yet taken, waiting for it to be produced.
    func take() -> Value {
        filled.wait()
        let value = state.withLock { $0.values.removeFirst() }
        room.signal()
        return value
    }

    /// Tells the producer to stop, waking it if it waits for room.
    func stop() {
        state.withLock { $0.stopped = true }
        room.signal()
    }
}
