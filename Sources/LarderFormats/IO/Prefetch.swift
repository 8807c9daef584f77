import Dispatch
import Synchronization

/// Produces values on another thread, a few ahead of the caller that consumes them in order,
/// so that producing the next value overlaps with consuming the current one on a second core:
/// splitting a CSV file into cells while the previous batch's cells are converted, gathering
/// rows into point-in-time order while SQLite inserts the previous chunk.
package enum Prefetch {
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
    package static func forEach<Value: Sendable>(
        count: Int, ahead: Int = 2, produce: @escaping @Sendable (Int) -> Value, consume: (Value) throws -> Void
    ) throws {
        guard count > 1 else {
            for index in 0..<count { try consume(produce(index)) }
            return
        }
        try forEach(ahead: ahead) { emit in
            for index in 0..<count {
                guard emit(produce(index)) else { return }
            }
        } consume: {
            try consume($0)
        }
    }

    /// Runs `producing` on another thread, handing each value it emits to `consume` on the
    /// calling thread, in order, with up to `ahead` values waiting. `emit` returns `false` once
    /// the caller has stopped (`consume` threw): `producing` should then return. An error
    /// `producing` throws reaches the caller after the values emitted before it. Either way the
    /// producing thread has finished when this returns.
    /// - Parameters:
    ///   - ahead: how many produced values may wait to be consumed (each holds memory).
    ///   - producing: emits the values in order; runs on the other thread.
    ///   - consume: takes each value, on the calling thread.
    /// - Throws: what `producing` or `consume` throws, whichever comes first in order.
    package static func forEach<Value: Sendable>(
        ahead: Int = 2, producing: @escaping @Sendable (_ emit: (Value) -> Bool) throws -> Void,
        consume: (Value) throws -> Void
    ) throws {
        let channel = PrefetchChannel<Value>(capacity: max(1, ahead))
        let finished = DispatchSemaphore(value: 0)
        // A queue of its own rather than a global one: a global queue runs as many blocks at
        // once as there are cores, so callers that themselves run on it (and wait here) could
        // leave no thread for the producer; a queue of its own always gets one.
        DispatchQueue(label: "larder.prefetch").async {
            defer { finished.signal() }
            do {
                try producing { channel.put($0) }
                channel.finish(throwing: nil)
            } catch {
                channel.finish(throwing: error)
            }
        }
        defer {
            channel.stop()
            finished.wait()
        }
        while let value = try channel.take() {
            try consume(value)
        }
    }
}

/// The bounded hand-off between ``Prefetch``'s producing thread and its caller.
private final class PrefetchChannel<Value: Sendable>: Sendable {
    private struct State {
        var values: [Value] = []
        /// Set when the producer has finished: `.success` after its last value.
        var end: Result<Void, any Error>?
        var stopped = false
    }

    private let state = Mutex(State())
    /// Signalled when a produced value may be added.
    private let room = DispatchSemaphore(value: 0)
    /// Signalled once per value added, and once at the end.
    private let filled = DispatchSemaphore(value: 0)

    /// A channel holding at most `capacity` values not yet taken.
    init(capacity: Int) {
        // Signalled rather than made with that value: libdispatch traps when a semaphore goes
        // away below the value it was made with, as `room` does when the consumer stops early.
        for _ in 0..<capacity { room.signal() }
    }

    /// Hands over a produced value, waiting for room.
    /// - Returns: `false` when the consumer has stopped taking values (the value is dropped).
    func put(_ value: Value) -> Bool {
        room.wait()
        let accepted = state.withLock { state in
            guard !state.stopped else { return false }
            state.values.append(value)
            return true
        }
        if accepted { filled.signal() }
        return accepted
    }

    /// Records the end of production: `nil` after the last value, or the producer's error.
    func finish(throwing error: (any Error)?) {
        state.withLock { $0.end = error.map { .failure($0) } ?? .success(()) }
        filled.signal()
    }

    /// The oldest value not yet taken, waiting for it to be produced; `nil` after the last.
    /// - Throws: the producer's error, once the values before it are taken.
    func take() throws -> Value? {
        filled.wait()
        let next: Result<Value?, any Error> = state.withLock { state in
            if !state.values.isEmpty { return .success(state.values.removeFirst()) }
            switch state.end {
            case .failure(let error): return .failure(error)
            case .success, nil: return .success(nil)
            }
        }
        if case .success(.some) = next { room.signal() }
        return try next.get()
    }

    /// Tells the producer to stop, waking it if it waits for room.
    func stop() {
        state.withLock { $0.stopped = true }
        room.signal()
    }
}
