import Dispatch

/// Work split in two halves, run at once on the two cores.
enum TwoCores {
    /// Calls `work(0)` and `work(1)` at the same time, one on the calling thread and one on
    /// another, and returns both results once both have finished. The two calls must touch
    /// disjoint state (their own half of the input, their own SQLite connection): nothing here
    /// checks it.
    /// - Parameter work: the work on half 0 or 1.
    /// - Returns: the results of half 0 and half 1.
    /// - Throws: the first half's error if it failed, else the second's.
    static func perform<Value, Failure: Error>(
        _ work: (Int) throws(Failure) -> Value
    ) throws(Failure) -> (Value, Value) {
        let results = withoutActuallyEscaping(work) { work in
            let halves = Halves(work: work)
            DispatchQueue.concurrentPerform(iterations: 2) { half in
                halves.run(half)
            }
            return (halves.first, halves.second)
        }
        guard let first = results.0, let second = results.1 else {
            fatalError("concurrentPerform returned before both halves ran")
        }
        return (try first.get(), try second.get())
    }

    /// The work and each half's result, shared by the two threads: each writes only its own
    /// result, and both have finished before the results are read.
    private final class Halves<Value, Failure: Error>: @unchecked Sendable {
        let work: (Int) throws(Failure) -> Value
        var first: Result<Value, Failure>?
        var second: Result<Value, Failure>?

        init(work: @escaping (Int) throws(Failure) -> Value) {
            self.work = work
        }

        func run(_ half: Int) {
            let result: Result<Value, Failure>
            do throws(Failure) {
                result = .success(try work(half))
            } catch {
                result = .failure(error)
            }
            if half == 0 { first = result } else { second = result }
        }
    }
}
