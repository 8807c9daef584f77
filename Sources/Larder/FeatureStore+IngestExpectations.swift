import LarderCore
import LarderStores

extension FeatureStore {
    /// Ingests a view's source, checking its expectations on the way in: under `reject` a
    /// failed rule throws ``ExpectationError`` and the store keeps its rows; under `warn` the
    /// rows go in and each failed rule is logged and put in the report.
    func ingestChecking(
        _ table: OfflineTable, into offline: any OfflineStore, force: Bool, progress: ((IngestProgress) -> Void)?
    ) throws -> IngestReport {
        var table = table
        let recorder = ExpectationRecorder()
        table.expectations?.recorder = recorder
        var report = try offline.ingest(table, force: force, progress: progress)
        report.expectationViolations = recorder.take()
        logExpectationViolations(report.expectationViolations, origin: table.sourcePath)
        return report
    }

    /// Logs violations a `warn` policy let through, one warning each.
    func logExpectationViolations(_ violations: [ExpectationViolation], origin: String) {
        for violation in violations {
            logger.warning(
                "expectation failed; rows kept (policy warn)",
                metadata: [
                    "feature_view.name": "\(violation.view)", "expectation.rule": "\(violation.expectation.ruleName)",
                    "expectation.column": "\(violation.expectation.column ?? "")",
                    "rows.failing": "\(violation.failingRows)", "source": "\(origin)",
                    "detail": "\(violation.message)",
                ])
        }
    }
}
