/// How far a write has come, reported while it runs.
public struct OnlineWriteProgress: Sendable, Hashable {
    /// The stage of a write.
    public enum Phase: String, Sendable, Hashable {
        /// Reading and encoding the input rows; ``OnlineWriteProgress/rowsRead`` grows.
        case reading
        /// Writing the newest row per key to the store; ``OnlineWriteProgress/keysDone`` grows
        /// towards ``OnlineWriteProgress/keysTotal``.
        case storing
        /// Committed.
        case committed
    }

    /// The view being written.
    public var view: String
    /// The stage.
    public var phase: Phase
    /// Input rows read so far.
    public var rowsRead: Int
    /// Distinct keys stored (or skipped) so far in the storing phase.
    public var keysDone: Int
    /// Distinct keys in the input; known once reading ends, 0 before.
    public var keysTotal: Int

    /// Creates a progress report.
    /// - Parameters:
    ///   - view: the view being written.
    ///   - phase: the stage.
    ///   - rowsRead: input rows read so far.
    ///   - keysDone: distinct keys stored or skipped so far.
    ///   - keysTotal: distinct keys in the input, 0 while reading.
    public init(view: String, phase: Phase, rowsRead: Int, keysDone: Int, keysTotal: Int) {
        self.view = view
        self.phase = phase
        self.rowsRead = rowsRead
        self.keysDone = keysDone
        self.keysTotal = keysTotal
    }
}
