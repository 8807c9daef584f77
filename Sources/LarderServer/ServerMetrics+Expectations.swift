import CoreMetrics
import LarderCore
import LarderStores

extension ServerMetrics {
    /// Counts the rows of pushed batches that broke an expectation, per view, rule, column and
    /// policy (`reject`: the batch was refused; `warn`: it was written), as
    /// `larder_expectation_violations_total`. A rule about the batch as a whole counts 1.
    /// - Parameters:
    ///   - violations: the failed rules.
    ///   - policy: what was done with the rows.
    func recordExpectationViolations(_ violations: [ExpectationViolation], policy: ExpectationPolicy) {
        for violation in violations {
            CoreMetrics.Counter(
                label: "larder_expectation_violations_total",
                dimensions: [
                    ("feature_view", violation.view), ("rule", violation.expectation.ruleName),
                    ("column", violation.expectation.column ?? ""), ("policy", policy.rawValue),
                ], factory: factory
            )
            .increment(by: max(violation.failingRows, 1))
        }
    }
}
