import LarderCore
public import LarderFormats

/// A source reader that checks a feature view's expectations on the batches it reads and,
/// after the last one, refuses the file (`reject`: it throws ``ExpectationError`` before the
/// store's ingestion commits, so the store keeps its rows) or reports what it found (`warn`:
/// to the suite's ``ExpectationRecorder``).
///
/// Every offline store opens its source through ``wrapping(_:for:)``, in one line, so all of
/// them check alike.
public final class ExpectationCheckedReader: TableReader {
    private let reader: any TableReader
    private let suite: ExpectationSuite
    private let format: FileFormat

    /// The file being read.
    public var path: String { reader.path }
    /// The file's columns.
    public var schema: TableSchema { reader.schema }

    private init(_ reader: any TableReader, suite: ExpectationSuite, format: FileFormat) {
        self.reader = reader
        self.suite = suite
        self.format = format
    }

    /// The reader itself when the view declares no expectations; otherwise a reader that
    /// checks them.
    /// - Parameters:
    ///   - reader: the source reader.
    ///   - table: the feature view's description, with its ``OfflineTable/expectations``.
    /// - Returns: the reader to ingest from.
    public static func wrapping(_ reader: any TableReader, for table: OfflineTable) -> any TableReader {
        guard let suite = table.expectations, !suite.rules.isEmpty else { return reader }
        return ExpectationCheckedReader(reader, suite: suite, format: table.format)
    }

    /// Reads the batches, checking each, with the columns the rules need read too (and left
    /// out of what `body` sees).
    /// - Throws: the reader's errors; whatever `body` throws; ``ExpectationError`` after the
    ///   last batch when a rule failed under the `reject` policy.
    public func forEachBatch(columns: [String]?, _ body: (ColumnBatch) throws -> Void) throws {
        let checker = ExpectationChecker(suite: suite)
        let extra = columns.map { wanted in suite.columns.filter { !wanted.contains($0) } } ?? []
        try reader.forEachBatch(columns: columns.map { $0 + extra }) { batch in
            checker.check(batch)
            if extra.isEmpty {
                try body(batch)
            } else {
                var trimmed = batch
                trimmed.columns.removeLast(extra.count)
                try body(trimmed)
            }
        }
        let violations = checker.violations(locate: locate)
        guard !violations.isEmpty else { return }
        if suite.policy == .reject { throw ExpectationError(origin: path, violations: violations) }
        suite.recorder?.record(violations)
    }

    /// The CSV lines of data rows; a Parquet file's rows are named by their number, from 0.
    private func locate(_ rows: Set<Int>) -> [Int: String] {
        guard format == .csv, let lines = try? CSVReader.lines(ofDataRows: rows, in: path) else { return [:] }
        return lines.mapValues { "line \($0)" }
    }
}

@available(*, unavailable)
extension ExpectationCheckedReader: Sendable {}
