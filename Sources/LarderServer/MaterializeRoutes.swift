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
        router.on(.materialize) { request, _ in
            var request = request
            try state.authorizer.authorize(request.headers, for: .materialize)
            let body = try await state.decodeBody(MaterializeRequest.self, from: &request)
            return try await materialize(start: body.start, end: body.end, views: body.featureViews)
        }
        router.on(.materializeIncremental) { request, _ in
            var request = request
            try state.authorizer.authorize(request.headers, for: .materialize)
            let body = try await state.decodeBody(MaterializeIncrementalRequest.self, from: &request)
            return try await materialize(start: nil, end: body.end, views: body.featureViews)
        }
    }

    /// Runs a materialization: over `start ... end`, or incrementally up to `end` when `start`
    /// is `nil`.
    private func materialize(start: Timestamp?, end: Timestamp, views: [String]?) async throws -> Response {
        let store = state.store
        let reports = try await state.offEventLoop {
            if let start {
                try store.materialize(start: start, end: end, views: views)
            } else {
                try store.materializeIncremental(end: end, views: views)
            }
        }
        for report in reports {
            state.metrics.recordMaterialized(view: report.view, rows: report.write.keysWritten)
        }
        return try jsonResponse(
            encoding: MaterializeResult(
                featureViews: reports.map { report in
                    MaterializeResult.View(
                        name: report.view, start: report.start, end: report.end, keysRead: report.keysRead,
                        keysWritten: report.write.keysWritten)
                }))
    }
}
