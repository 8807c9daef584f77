public import LarderCore

/// A feature view's expectations, resolved for the stores: each rule with the column it reads
/// in a source file (field mapping applied), the view's key columns, and where warnings go.
/// Data only; the facade builds it from the definitions (``OfflineTable/expectations``).
public struct ExpectationSuite: Sendable, Hashable {
    /// One expectation and the source column it reads.
    public struct Rule: Sendable, Hashable {
        /// The declared expectation, its column named as the definitions name it.
        public var expectation: Expectation
        /// The column in the source file (or push request); `nil` for a check of whole rows.
        public var sourceColumn: String?

        /// A rule.
        /// - Parameters:
        ///   - expectation: the expectation.
        ///   - sourceColumn: the column it reads in the source file.
        public init(_ expectation: Expectation, sourceColumn: String?) {
            self.expectation = expectation
            self.sourceColumn = sourceColumn
        }
    }

    /// The feature view's name, for messages.
    public var view: String
    /// What to do when a rule fails.
    public var policy: ExpectationPolicy
    /// The rules, in declared order.
    public var rules: [Rule]
    /// The source columns of the join keys and the event time, which `unique()` without a
    /// column reads.
    public var keyColumns: [String]
    /// Where a `warn` policy's violations are reported; not part of the suite's identity.
    public var recorder: ExpectationRecorder? {
        get { recorderBox.recorder }
        set { recorderBox.recorder = newValue }
    }
    private var recorderBox = RecorderBox()

    /// A suite.
    /// - Parameters:
    ///   - view: the feature view's name.
    ///   - policy: what to do when a rule fails.
    ///   - rules: the rules.
    ///   - keyColumns: the source columns of the join keys and the event time.
    ///   - recorder: where a `warn` policy's violations are reported.
    public init(
        view: String, policy: ExpectationPolicy, rules: [Rule], keyColumns: [String],
        recorder: ExpectationRecorder? = nil
    ) {
        self.view = view
        self.policy = policy
        self.rules = rules
        self.keyColumns = keyColumns
        self.recorder = recorder
    }

    /// The source columns the rules read, each once.
    public var columns: [String] {
        var names: [String] = []
        for rule in rules {
            let read =
                rule.sourceColumn.map { [$0] } ?? (rule.expectation.check == .unique ? keyColumns : [])
            for name in read where !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// Equal to every other box: the recorder never affects identity.
    private struct RecorderBox: Sendable, Hashable {
        var recorder: ExpectationRecorder?
        static func == (lhs: RecorderBox, rhs: RecorderBox) -> Bool { true }
        func hash(into hasher: inout Hasher) {}
    }
}
