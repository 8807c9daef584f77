import CoreMetrics

import Foundation
import Larder
import LarderStores
import Metrics
import Prometheus
import Synchronization

/// The server's metrics, recorded through swift-metrics into a Prometheus registry of its own
/// (so several servers in one process, as in tests, do not share counts), and rendered as
/// Prometheus text for `GET /metrics`.
final class ServerMetrics: Sendable {
    private let registry = PrometheusCollectorRegistry()
    let factory: PrometheusMetricsFactory
    private let requestMetrics: Mutex<[RequestKey: (CoreMetrics.Counter, CoreMetrics.Timer)]>
    /// The request metrics of the scoring path's answer, a successful online read, found
    /// without a lock or a hash.
    private let onlineReadOK: (CoreMetrics.Counter, CoreMetrics.Timer)
    private let entityRows: CoreMetrics.Counter
    /// One counter per status, in the order of `FeatureStatus.allCases`.
    private let lookups: [CoreMetrics.Counter]
    /// Per feature service, one counter per status, in the order of `FeatureStatus.allCases`.
    private let serviceLookups = Mutex<[String: [CoreMetrics.Counter]]>([:])

    private struct RequestKey: Hashable {
        var endpoint: String
        var status: Int
    }

    /// Latency buckets, from 50 µs to 10 s.
    private static let latencyBuckets: [Duration] = [
        .microseconds(50), .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1),
        .milliseconds(2.5), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(100),
        .milliseconds(250), .seconds(1), .seconds(10),
    ]

    init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = Self.latencyBuckets
        self.factory = factory
        onlineReadOK = Self.requestMetrics(endpoint: OnlineFeaturesRoute.path, status: 200, factory: factory)
        requestMetrics = Mutex([RequestKey(endpoint: OnlineFeaturesRoute.path, status: 200): onlineReadOK])
        entityRows = CoreMetrics.Counter(label: "larder_entity_rows_served_total", factory: factory)
        lookups = FeatureStatus.allCases.map {
            CoreMetrics.Counter(
                label: "larder_feature_lookups_total", dimensions: [("status", $0.rawValue)], factory: factory)
        }
    }

    /// Counts a finished request and records its latency.
    /// - Parameters:
    ///   - endpoint: the route's path (unknown paths are counted as `other`).
    ///   - status: the response status code.
    ///   - duration: how long it took.
    func recordRequest(endpoint: String, status: Int, duration: Duration) {
        let (counter, timer) =
            status == 200 && endpoint == OnlineFeaturesRoute.path
            ? onlineReadOK
            : requestMetrics.withLock { metrics in
                let key = RequestKey(endpoint: endpoint, status: status)
                if let found = metrics[key] { return found }
                let made = Self.requestMetrics(endpoint: endpoint, status: status, factory: factory)
                metrics[key] = made
                return made
            }
        counter.increment()
        timer.recordNanoseconds(duration.totalNanosecondsSaturating)
    }

    /// A request counter and latency histogram for an endpoint and status.
    private static func requestMetrics(
        endpoint: String, status: Int, factory: PrometheusMetricsFactory
    ) -> (CoreMetrics.Counter, CoreMetrics.Timer) {
        let dimensions = [("endpoint", endpoint), ("status", String(status))]
        return (
            CoreMetrics.Counter(label: "larder_http_requests_total", dimensions: dimensions, factory: factory),
            CoreMetrics.Timer(label: "larder_http_request_duration_seconds", dimensions: dimensions, factory: factory)
        )
    }

    /// Counts the entity rows and per-status feature lookups of an online read.
    /// - Parameters:
    ///   - result: the read.
    ///   - keyColumns: how many of its first columns are join keys rather than lookups.
    ///   - service: the feature service the request named, if it named one: its statuses are
    ///     also counted under its name.
    func recordOnlineRead(_ result: OnlineFeatures, keyColumns: Int, service: String? = nil) {
        entityRows.increment(by: result.rowCount)
        let perService = service.map(serviceCounters)
        withUnsafeTemporaryAllocation(of: Int.self, capacity: lookups.count) { counts in
            counts.initialize(repeating: 0)
            for column in result.columns.dropFirst(keyColumns) {
                for status in column.statuses { counts[status.ordinal] += 1 }
            }
            for (counter, count) in zip(lookups, counts) where count > 0 { counter.increment(by: count) }
            if let perService {
                for (counter, count) in zip(perService, counts) where count > 0 { counter.increment(by: count) }
            }
        }
    }

    /// The status counters of a feature service, made on its first read.
    private func serviceCounters(_ service: String) -> [CoreMetrics.Counter] {
        serviceLookups.withLock { counters in
            if let found = counters[service] { return found }
            let made = FeatureStatus.allCases.map {
                CoreMetrics.Counter(
                    label: "larder_feature_service_lookups_total",
                    dimensions: [("feature_service", service), ("status", $0.rawValue)], factory: factory)
            }
            counters[service] = made
            return made
        }
    }

    /// A counter of the served-feature log's rows with an outcome: `written`, `dropped`
    /// (the queue was full) or `failed` (the offline store refused them).
    /// - Parameter outcome: the outcome.
    /// - Returns: the counter.
    func featureLogRows(_ outcome: String) -> CoreMetrics.Counter {
        CoreMetrics.Counter(
            label: "larder_feature_log_rows_total", dimensions: [("outcome", outcome)], factory: factory)
    }

    /// Counts rows materialized into the online store for a view.
    func recordMaterialized(view: String, rows: Int) {
        CoreMetrics.Counter(
            label: "larder_materialized_rows_total", dimensions: [("feature_view", view)], factory: factory
        )
        .increment(by: rows)
    }

    /// Counts rows pushed through a push source or written to a view.
    func recordPushed(target: String, rows: Int) {
        CoreMetrics.Counter(label: "larder_pushed_rows_total", dimensions: [("target", target)], factory: factory)
            .increment(by: rows)
    }

    /// Every metric in the Prometheus text exposition format.
    func render() -> [UInt8] {
        registry.emitToBuffer()
    }
}

extension Duration {
    /// The duration in nanoseconds, clamped to `Int64`.
    var totalNanosecondsSaturating: Int64 {
        let (seconds, attoseconds) = components
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .max : product &+ attoseconds / 1_000_000_000
    }
}

extension FeatureStatus {
    /// The position in `allCases`.
    fileprivate var ordinal: Int {
        switch self {
        case .present: 0
        case .nullValue: 1
        case .notFound: 2
        case .outsideMaxAge: 3
        }
    }
}
