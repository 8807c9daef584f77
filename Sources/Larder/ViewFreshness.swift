public import LarderCore

/// How fresh the online values of one feature view are, as of an instant: the newest event
/// time `materialize` has copied to the online store, its age, and whether that age is past
/// the view's TTL (online reads then answer `OUTSIDE_MAX_AGE` for it).
public struct ViewFreshness: Sendable, Hashable {
    /// The view's name.
    public var view: String
    /// The view's TTL, or an aggregation view's longest window; `nil` when its values never expire.
    public var ttl: Duration?
    /// Whether the view is served online.
    public var online: Bool
    /// The newest event time among the rows materialized, `nil` when never materialized (or
    /// materialized before Larder recorded it).
    public var newestEvent: Timestamp?
    /// When the last materialization finished.
    public var lastMaterialized: Timestamp?
    /// The end of the event-time window materialized last.
    public var materializedUntil: Timestamp?
    /// The instant the age is measured at.
    public var asOf: Timestamp

    /// The age of ``newestEvent`` at ``asOf``.
    public var age: Duration? {
        newestEvent.map { .nanoseconds(asOf.nanosecondsSinceEpoch - $0.nanosecondsSinceEpoch) }
    }

    /// Whether the newest materialized value is older than the TTL: every key of the view is
    /// then read as `OUTSIDE_MAX_AGE`. A view without TTL is never stale.
    public var isStale: Bool {
        guard let ttl, let age else { return false }
        return age > ttl
    }

    /// Whether the view is online but nothing was materialized for it.
    public var isNeverMaterialized: Bool { online && lastMaterialized == nil }
}

extension Registry {
    /// The freshness of every applied feature view, in the order the manifest lists them.
    /// Freshness comes from materializations; rows pushed straight to the online store are
    /// not counted.
    /// - Parameter now: the instant ages are measured at (tests pass their own).
    /// - Returns: one entry per view.
    public func freshness(asOf now: Timestamp) -> [ViewFreshness] {
        manifest.featureViews.map { view in
            let runs = materializations[view.name] ?? []
            return ViewFreshness(
                // An aggregation view's values go stale when its longest window has no events.
                view: view.name, ttl: view.ttl ?? view.longestWindowNanoseconds.map { .nanoseconds($0) },
                online: view.online,
                newestEvent: runs.compactMap(\.newestEvent).max(),
                lastMaterialized: runs.map(\.completedAt).max(), materializedUntil: runs.map(\.end).max(),
                asOf: now)
        }
    }
}
