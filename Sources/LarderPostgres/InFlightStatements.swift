import Synchronization

/// The statements of a connection still waiting for the server, so that when the connection
/// closes (the server stopped, the session ended by an administrator) every waiter gets an
/// error at once instead of waiting for an answer that will never come.
final class InFlightStatements: Sendable {
    private struct State {
        var next = 0
        var failures: [Int: @Sendable (any Error) -> Void] = [:]
        var closedBecause: (any Error)?
    }

    private let state = Mutex(State())

    /// Records a waiting statement.
    /// - Parameter fail: fails the statement's result.
    /// - Returns: the statement's number, for ``finished(_:)``; `nil` when the connection is
    ///   already closed (`fail` has then been called).
    func register(_ fail: @escaping @Sendable (any Error) -> Void) -> Int? {
        let (number, closed) = state.withLock { state -> (Int?, (any Error)?) in
            if let error = state.closedBecause { return (nil, error) }
            state.next += 1
            state.failures[state.next] = fail
            return (state.next, nil)
        }
        if let closed { fail(closed) }
        return number
    }

    /// Forgets a statement that got its answer.
    /// - Parameter number: its number from ``register(_:)``.
    func finished(_ number: Int) {
        _ = state.withLock { $0.failures.removeValue(forKey: number) }
    }

    /// Fails every waiting statement, and every later one, with an error.
    /// - Parameter error: why the connection closed.
    func close(because error: any Error) {
        let failures = state.withLock { state in
            state.closedBecause = error
            defer { state.failures = [:] }
            return Array(state.failures.values)
        }
        for fail in failures { fail(error) }
    }
}
