import Larder
import LarderCore
import LarderStores

/// `larder_feature_view_freshness_seconds{feature_view}`: per view, the age of the newest event
/// its materializations wrote online (`ViewFreshness.age`), and
/// `larder_feature_view_ttl_seconds{feature_view}` beside it for alert rules. A view never
/// materialized has no sample.
enum FreshnessGauges {
    /// The gauges of a registry at an instant.
    /// - Parameters:
    ///   - registry: the applied registry.
    ///   - now: the instant ages are measured at.
    ///   - text: where the gauges are written.
    static func write(_ registry: Registry, asOf now: Timestamp, to text: inout PrometheusGaugeText) {
        let views = registry.freshness(asOf: now)
        text.family(
            "larder_feature_view_freshness_seconds",
            help: "Age of the newest event materialized into the online store, per feature view.")
        for view in views {
            guard let age = view.age else { continue }
            text.sample(
                "larder_feature_view_freshness_seconds", [("feature_view", view.view)], age.secondsDouble)
        }
        text.family("larder_feature_view_ttl_seconds", help: "The feature view's TTL (0: none).")
        for view in views {
            text.sample("larder_feature_view_ttl_seconds", [("feature_view", view.view)], view.ttl?.secondsDouble ?? 0)
        }
    }
}
