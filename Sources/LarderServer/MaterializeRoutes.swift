import Hummingbird
import Larder
import LarderCore

/// `POST /materialize` `{"start_ts", "end_ts", "feature_views"?}` and
/// `POST /materialize-incremental` `{"end_ts", "feature_views"?}`, run on a pool thread so
/// reads keep being served meanwhile.
struct MaterializeRoutes: Sendable {
    let state: ServerState

    /// Adds the routes.
    func register<Context: RequestContext>(on router: Router<Context>) {
        router.post("/materialize") { request, _ in try await materialize(request, incremental: false) }
        router.post("/materialize-incremental") { request, _ in try await materialize(request, incremental: true) }
    }

    private func materialize(_ request: Request, incremental: Bool) async throws -> Response {
        var request = request
        try state.authorizer.authorize(request.headers, for: .materialize)
        let body = try await state.readJSONObject(&request)
        let end = try timestamp(body, "end_ts")
        let start = incremental ? nil : try timestamp(body, "start_ts")
        let views = try body.optionalStrings("feature_views")
        let store = state.store
        let reports = try await state.offEventLoop {
            if let start {
                try store.materialize(start: start, end: end, views: views)
            } else {
                try store.materializeIncremental(end: end, views: views)
            }
        }
        var writer = JSONWriter()
        writer.raw("{\"status\":\"ok\",\"feature_views\":[")
        for (index, report) in reports.enumerated() {
            state.metrics.recordMaterialized(view: report.view, rows: report.write.keysWritten)
            if index > 0 { writer.byte(",") }
            writer.raw("{\"name\":")
            writer.string(report.view)
            writer.raw(",\"start\":")
            writer.timestamp(report.start)
            writer.raw(",\"end\":")
            writer.timestamp(report.end)
            writer.raw(",\"keys_read\":")
            writer.integer(Int64(report.keysRead))
            writer.raw(",\"keys_written\":")
            writer.integer(Int64(report.write.keysWritten))
            writer.byte("}")
        }
        writer.raw("]}")
        return jsonResponse(writer.bytes)
    }

    private func timestamp(_ body: JSONValue, _ key: String) throws -> Timestamp {
        let text = try body.requiredString(key)
        guard let timestamp = Timestamp(parsing: text) else {
            throw APIError.invalidRequest("'\(key)': '\(text)' is not a timestamp (expected RFC 3339, such as 2026-01-02T03:04:05Z)")
        }
        return timestamp
    }
}
