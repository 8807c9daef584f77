import LarderCore
import LarderStores

extension FeatureStore {
    /// Checks a pushed batch against its view's expectations (`row_count` aside: a batch is
    /// not a whole table; `unique` and `max_null_fraction` look within the batch).
    /// - Parameters:
    ///   - rows: the batch, converted to the view's types.
    ///   - view: the view.
    ///   - manifest: the definitions.
    ///   - columns: the request's columns, for rules on source columns the view does not keep.
    /// - Returns: the failed rules under a `warn` policy (logged); empty when all hold.
    /// - Throws: ``ExpectationError`` naming each failed rule, its column and the first
    ///   offending rows (from 0) under `reject`; ``PushError`` (`invalidColumns`) when a
    ///   column a rule reads is not in the request.
    @discardableResult
    func checkExpectations(
        ofPushed rows: [StoredRow], view: FeatureView, manifest: Manifest, columns: PushColumns
    ) throws -> [ExpectationViolation] {
        let table = try offlineTable(for: view, in: manifest)
        guard let suite = table.expectations else { return [] }
        let checker = ExpectationChecker(suite: suite, countsRows: false)
        checker.check(rows: rows, of: table, otherColumns: columns.columns)
        if let unchecked = checker.uncheckedRules.first {
            throw PushError(
                .invalidColumns,
                "feature view '\(view.name)': column '\(unchecked.column ?? "")', which expectation \(unchecked.summary) reads, is missing (columns given: \(columns.columns.keys.sorted().joined(separator: ", ")))"
            )
        }
        let violations = checker.violations { _ in [:] }
        guard !violations.isEmpty else { return [] }
        if suite.policy == .reject { throw ExpectationError(origin: "push", violations: violations) }
        logExpectationViolations(violations, origin: "push")
        return violations
    }
}
