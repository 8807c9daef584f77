public import LarderCore
public import LarderFormats

/// Checks a feature view's expectations over rows handed to it batch after batch (a file's
/// batches during ingestion, a pushed batch, the stored rows), keeping only counts, the first
/// offending rows of each rule and, for `unique`, the values seen.
public final class ExpectationChecker {
    /// How many offending rows a violation names.
    public static let exampleLimit = 5

    /// The suite checked.
    public let suite: ExpectationSuite
    /// The rows checked so far.
    public private(set) var rowsChecked = 0
    /// The rules whose column was missing from what was checked (a column the store does not
    /// keep, under `validate`), named by their summary.
    public private(set) var uncheckedRules: [Expectation] = []
    private var states: [RuleState]
    private let countsRows: Bool

    /// A checker.
    /// - Parameters:
    ///   - suite: the expectations.
    ///   - countsRows: whether `row_count` applies (not to a pushed batch).
    public init(suite: ExpectationSuite, countsRows: Bool = true) {
        self.suite = suite
        self.countsRows = countsRows
        states = suite.rules.map { RuleState(rule: $0) }
    }

    /// Checks a batch of rows read from a file, whose columns carry the source's names.
    /// - Parameter batch: the rows.
    public func check(_ batch: ColumnBatch) {
        check(rowCount: batch.rowCount) { name in batch.column(named: name).map(CheckedColumn.column) }
    }

    /// Checks a batch of rows.
    /// - Parameters:
    ///   - rowCount: the number of rows.
    ///   - columns: the values of a source column, or `nil` when the rows do not have it.
    public func check(rowCount: Int, columns: (String) -> CheckedColumn?) {
        for index in states.indices {
            let rule = states[index].rule
            if let name = rule.sourceColumn {
                guard let column = columns(name) else {
                    markUnchecked(rule.expectation)
                    continue
                }
                states[index].check(column, firstRow: rowsChecked)
            } else if rule.expectation.check == .unique {
                let keys = suite.keyColumns.compactMap(columns)
                guard keys.count == suite.keyColumns.count else {
                    markUnchecked(rule.expectation)
                    continue
                }
                states[index].checkUniqueKeys(keys, rowCount: rowCount, firstRow: rowsChecked)
            }
        }
        rowsChecked += rowCount
    }

    private func markUnchecked(_ expectation: Expectation) {
        if !uncheckedRules.contains(expectation) { uncheckedRules.append(expectation) }
    }

    /// The rules that failed, once every row was checked.
    /// - Parameter locate: where rows are, for people (`line 7`), given their positions.
    /// - Returns: one violation per failed rule, in declared order.
    public func violations(locate: (Set<Int>) -> [Int: String]) -> [ExpectationViolation] {
        var failed: [(RuleState, String)] = []
        for state in states {
            guard !uncheckedRules.contains(state.rule.expectation) else { continue }
            if let finding = state.finding(rows: rowsChecked, countsRows: countsRows) {
                failed.append((state, finding))
            }
        }
        let rows = Set(failed.flatMap { $0.0.examples.map(\.row) })
        let locations = rows.isEmpty ? [:] : locate(rows)
        return failed.map { state, finding in
            ExpectationViolation(
                view: suite.view, expectation: state.rule.expectation, failingRows: state.failing,
                checkedRows: rowsChecked,
                examples: state.examples.map {
                    .init(row: $0.row, location: locations[$0.row] ?? "row \($0.row)", value: $0.value)
                },
                finding: finding)
        }
    }
}
