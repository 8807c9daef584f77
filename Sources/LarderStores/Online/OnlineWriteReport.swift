/// What a write did.
public struct OnlineWriteReport: Sendable, Hashable {
    /// The rows given.
    public var rowsRead: Int
    /// Rows replaced by a newer row for the same key in the same write.
    public var rowsSuperseded: Int
    /// Keys whose stored row was replaced or created.
    public var keysWritten: Int
    /// Keys left alone because the stored row was as new or newer.
    public var keysSkippedAsOlder: Int
    /// Wall-clock time of the write.
    public var duration: Duration

    /// Creates a report.
    /// - Parameters:
    ///   - rowsRead: the rows given.
    ///   - rowsSuperseded: rows replaced by a newer row for the same key in the same write.
    ///   - keysWritten: keys whose stored row was replaced or created.
    ///   - keysSkippedAsOlder: keys left alone because the stored row was as new or newer.
    ///   - duration: wall-clock time of the write.
    public init(rowsRead: Int, rowsSuperseded: Int, keysWritten: Int, keysSkippedAsOlder: Int, duration: Duration) {
        self.rowsRead = rowsRead
        self.rowsSuperseded = rowsSuperseded
        self.keysWritten = keysWritten
        self.keysSkippedAsOlder = keysSkippedAsOlder
        self.duration = duration
    }
}
