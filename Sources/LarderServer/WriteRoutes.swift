import Hummingbird
import Larder
import LarderCore
import LarderStores

/// `POST /push` and `POST /write-to-online-store`: rows written by applications, checked
/// against the feature view's schema, newer-wins per entity key.
struct WriteRoutes: Sendable {
    let state: ServerState

    /// Adds the routes.
    func register<Context: RequestContext>(on router: Router<Context>) {
        router.on(.push) { request, _ in try await push(request) }
        router.on(.writeToOnlineStore) { request, _ in try await writeToOnlineStore(request) }
    }

    /// `{"push_source_name", "df": {column: [values]}, "to": "online" | "offline" | "online_and_offline"}`.
    private func push(_ request: Request) async throws -> Response {
        var request = request
        try state.authorizer.authorize(request.headers, for: .push)
        let body = try PushRequest(json: try await state.readJSONObject(&request))
        let (store, source, columns, target) = (state.store, body.pushSourceName, body.df, body.to)
        let reports: [PushReport]
        do {
            reports = try await state.offEventLoop { try store.push(source: source, columns: columns, to: target) }
        } catch let error as ExpectationError {
            state.metrics.recordExpectationViolations(error.violations, policy: .reject)
            throw error
        }
        state.metrics.recordExpectationViolations(reports.flatMap(\.expectationViolations), policy: .warn)
        let rows = reports.map(\.rows).reduce(0, +)
        state.metrics.recordPushed(target: "push_source:\(source)", rows: rows)
        return try jsonResponse(encoding: PushResult(rows: rows, featureViews: reports.map(\.view)))
    }

    /// `{"feature_view_name", "df": {column: [values]}}`, what Feast's remote online store sends.
    private func writeToOnlineStore(_ request: Request) async throws -> Response {
        var request = request
        try state.authorizer.authorize(request.headers, for: .push)
        let body = try WriteToOnlineStoreRequest(json: try await state.readJSONObject(&request))
        let (store, view, columns) = (state.store, body.featureViewName, body.df)
        let report = try await state.offEventLoop { try store.writeToOnlineStore(view: view, columns: columns) }
        state.metrics.recordPushed(target: "feature_view:\(view)", rows: report.rowsRead)
        return try jsonResponse(encoding: WriteResult(rows: report.rowsRead, keysWritten: report.keysWritten))
    }
}
