public import LarderCore
public import LarderStores

/// What `larder validate` found for one feature view: its expectations checked on the rows
/// the offline store holds.
public struct ExpectationReport: Sendable, Hashable {
    /// The feature view.
    public var view: String
    /// The view's policy.
    public var policy: ExpectationPolicy
    /// The expectations, in declared order.
    public var expectations: [Expectation]
    /// The stored rows checked; `nil` when the view was never ingested.
    public var rowsChecked: Int?
    /// The failed rules.
    public var violations: [ExpectationViolation]
    /// The rules on columns the store does not keep (other columns of the source file): they
    /// are checked on ingest and push only.
    public var unchecked: [Expectation]

    /// Whether every checked rule holds.
    public var passed: Bool { violations.isEmpty }
}
