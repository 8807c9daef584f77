/// The outcome of ingesting one feature view.
public struct IngestReport: Sendable, Hashable {
    /// Whether rows were loaded.
    public enum Outcome: String, Sendable, Hashable {
        /// The source (or the definition) changed, or ingestion was forced: rows were loaded.
        case ingested
        /// The store already held this version of the source: nothing was read.
        case upToDate
    }

    /// The feature view's name.
    public var view: String
    /// Whether rows were loaded.
    public var outcome: Outcome
    /// The number of rows the store holds for the view.
    public var rowCount: Int
    /// How many of them are appended (pushed) rows kept from before the file was read again.
    public var keptAppendedRows: Int = 0
    /// How long ingestion took, including checking the source.
    public var elapsed: Duration
    /// The expectations the file broke under the view's `warn` policy (its rows went in).
    public var expectationViolations: [ExpectationViolation] = []

    /// A report.
    /// - Parameters:
    ///   - view: the feature view's name.
    ///   - outcome: whether rows were loaded.
    ///   - rowCount: the rows the store holds for the view.
    ///   - keptAppendedRows: appended rows kept from before.
    ///   - elapsed: how long ingestion took.
    public init(view: String, outcome: Outcome, rowCount: Int, keptAppendedRows: Int = 0, elapsed: Duration) {
        self.view = view
        self.outcome = outcome
        self.rowCount = rowCount
        self.keptAppendedRows = keptAppendedRows
        self.elapsed = elapsed
    }

    /// Rows loaded per second (0 when nothing was loaded).
    public var rowsPerSecond: Double {
        guard outcome == .ingested else { return 0 }
        let seconds = elapsed.secondsDouble
        return seconds > 0 ? Double(rowCount) / seconds : 0
    }
}

/// How far an ingestion has got, reported after each batch of rows.
public struct IngestProgress: Sendable, Hashable {
    /// The feature view's name.
    public var view: String
    /// Rows loaded so far.
    public var rowsDone: Int
    /// Rows loaded per second so far.
    public var rowsPerSecond: Double
    /// The expected number of rows, estimated from the last ingestion of the same source
    /// (scaled by the change in file size); `nil` for a first ingestion.
    public var estimatedTotalRows: Int?
    /// A progress report.
    /// - Parameters:
    ///   - view: the feature view's name.
    ///   - rowsDone: rows loaded so far.
    ///   - rowsPerSecond: rows loaded per second so far.
    ///   - estimatedTotalRows: the expected number of rows, if known.
    public init(view: String, rowsDone: Int, rowsPerSecond: Double, estimatedTotalRows: Int?) {
        self.view = view
        self.rowsDone = rowsDone
        self.rowsPerSecond = rowsPerSecond
        self.estimatedTotalRows = estimatedTotalRows
    }

    /// The expected time to finish, when the total is estimated.
    public var estimatedRemaining: Duration? {
        guard let estimatedTotalRows, rowsPerSecond > 0 else { return nil }
        let remaining = max(estimatedTotalRows - rowsDone, 0)
        return .milliseconds(Int64(Double(remaining) / rowsPerSecond * 1_000))
    }
}

extension Duration {
    /// The duration in seconds, with a fractional part.
    package var secondsDouble: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
