/// The exit statuses of the data-quality commands (`validate`, `drift`, `skew`), so a scheduler
/// can tell a finding from a failure to run.
enum QualityExitStatus {
    /// The data failed a check: an expectation, drift, or skew above the threshold.
    static let finding: Int32 = 3
}
