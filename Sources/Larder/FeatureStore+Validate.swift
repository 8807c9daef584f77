import LarderCore
import LarderStores

extension FeatureStore {
    /// Checks every expectation of the views on the rows the offline store holds for them
    /// (ingested and pushed), in the order they were stored.
    /// - Parameter names: the views to check; `nil` for every view that declares expectations.
    /// - Returns: one report per view with expectations, in registry order.
    /// - Throws: ``DefinitionError`` for an unknown view; store errors.
    public func validate(views names: [String]? = nil) throws -> [ExpectationReport] {
        let manifest = try registry().manifest
        let views = try manifest.views(named: names).filter { !$0.expectations.isEmpty }
        guard !views.isEmpty else { return [] }
        let offline = try openOfflineStore()
        return try views.map { view in
            let table = try offlineTable(for: view, in: manifest)
            var report = ExpectationReport(
                view: view.name, policy: view.expectations.policy, expectations: view.expectations.rules,
                rowsChecked: nil, violations: [], unchecked: [])
            guard let suite = table.expectations, try offline.ingestedTable(named: view.name) != nil else {
                return report
            }
            let checker = ExpectationChecker(suite: suite)
            var batch: [StoredRow] = []
            batch.reserveCapacity(Self.validationBatchRows)
            try offline.scanRows(
                table: table, start: Timestamp(nanosecondsSinceEpoch: .min),
                end: Timestamp(nanosecondsSinceEpoch: .max)
            ) { row in
                batch.append(row)
                if batch.count == Self.validationBatchRows {
                    checker.check(rows: batch, of: table)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            checker.check(rows: batch, of: table)
            report.rowsChecked = checker.rowsChecked
            report.unchecked = checker.uncheckedRules
            report.violations = checker.violations { rows in
                Dictionary(uniqueKeysWithValues: rows.map { ($0, "stored row \($0)") })
            }
            return report
        }
    }

    /// Rows handed to the checker at a time.
    private static let validationBatchRows = 65_536
}
