import Synchronization

/// Collects the violations a `warn` policy let through, so the caller of a store's ingest
/// (which cannot see inside it) can log and count them afterwards. Safe to share.
public final class ExpectationRecorder: Sendable {
    private let recorded = Mutex<[ExpectationViolation]>([])

    /// An empty recorder.
    public init() {}

    /// Adds violations.
    /// - Parameter violations: what was found.
    public func record(_ violations: [ExpectationViolation]) {
        recorded.withLock { $0 += violations }
    }

    /// Returns the violations recorded so far and forgets them.
    /// - Returns: the violations, in the order recorded.
    public func take() -> [ExpectationViolation] {
        recorded.withLock { recorded in
            defer { recorded = [] }
            return recorded
        }
    }
}
