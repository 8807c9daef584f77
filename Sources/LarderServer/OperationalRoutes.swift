import Hummingbird
import Larder
import NIOCore

/// `GET /health` (200 when the registry and the online store open) and `GET /metrics`
/// (Prometheus text). Neither needs a token.
struct OperationalRoutes: Sendable {
    let state: ServerState
    /// Whether `/metrics` is served (not by `larder ui`).
    var includesMetrics = true

    /// Adds the routes.
    func register<Context: RequestContext>(on router: Router<Context>) {
        router.on(.health) { _, _ in try health() }
        guard includesMetrics else { return }
        router.on(.metrics) { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: metricsText())))
        }
    }

    /// The counted metrics, then the gauges computed now: view freshness and the drift report.
    private func metricsText() -> [UInt8] {
        var gauges = PrometheusGaugeText()
        if let registry = try? state.store.currentRegistry() {
            FreshnessGauges.write(registry, asOf: .now, to: &gauges)
        }
        return state.metrics.render() + Array((gauges.text + state.driftReport.text()).utf8)
    }

    private func health() throws -> Response {
        do {
            _ = try state.store.currentRegistry()
            _ = try state.store.onlineStore()
        } catch {
            throw APIError(.serviceUnavailable, "unavailable", "the stores cannot be opened: \(error)")
        }
        return try jsonResponse(encoding: ["status": "ok"])
    }
}
