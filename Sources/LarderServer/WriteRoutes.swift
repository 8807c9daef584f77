import Hummingbird
import Larder
import LarderCore
import NIOCore

/// `POST /push` and `POST /write-to-online-store`: rows written by applications, checked
/// against the feature view's schema, newer-wins per entity key.
struct WriteRoutes: Sendable {
    let state: ServerState

    /// Adds the routes.
    func register<Context: RequestContext>(on router: Router<Context>) {
        router.post("/push") { request, _ in try await push(request) }
        router.post("/write-to-online-store") { request, _ in try await writeToOnlineStore(request) }
    }

    /// `{"push_source_name", "df": {column: [values]}, "to": "online" | "offline" | "online_and_offline"}`.
    private func push(_ request: Request) async throws -> Response {
        var request = request
        try state.authorizer.authorize(request.headers, for: .push)
        let body = try await state.readJSONObject(&request)
        let source = try body.requiredString("push_source_name")
        let columns = PushColumns(Dictionary(try body.requiredColumns("df"), uniquingKeysWith: { $1 }))
        let targetName = body["to"] == nil || body["to"] == .null ? PushTarget.online.rawValue : try body.requiredString("to")
        guard let target = PushTarget(rawValue: targetName) else {
            throw APIError.invalidRequest(
                "'to' must be one of \(PushTarget.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")), not '\(targetName)'")
        }
        let store = state.store
        let reports = try await state.offEventLoop { try store.push(source: source, columns: columns, to: target) }
        let rows = reports.map(\.rows).reduce(0, +)
        state.metrics.recordPushed(target: "push_source:\(source)", rows: rows)
        var writer = JSONWriter()
        writer.raw("{\"status\":\"ok\",\"rows\":")
        writer.integer(Int64(rows))
        writer.raw(",\"feature_views\":")
        writer.json(.array(reports.map { .string($0.view) }))
        writer.byte("}")
        return jsonResponse(writer.bytes)
    }

    /// `{"feature_view_name", "df": {column: [values]}}`, what Feast's remote online store sends.
    private func writeToOnlineStore(_ request: Request) async throws -> Response {
        var request = request
        try state.authorizer.authorize(request.headers, for: .push)
        let body = try await state.readJSONObject(&request)
        let view = try body.requiredString("feature_view_name")
        let columns = PushColumns(Dictionary(try body.requiredColumns("df"), uniquingKeysWith: { $1 }))
        let store = state.store
        let report = try await state.offEventLoop { try store.writeToOnlineStore(view: view, columns: columns) }
        state.metrics.recordPushed(target: "feature_view:\(view)", rows: report.rowsRead)
        var writer = JSONWriter()
        writer.raw("{\"status\":\"ok\",\"rows\":")
        writer.integer(Int64(report.rowsRead))
        writer.raw(",\"keys_written\":")
        writer.integer(Int64(report.keysWritten))
        writer.byte("}")
        return jsonResponse(writer.bytes)
    }
}

/// A 200 response with a JSON body.
func jsonResponse(_ bytes: [UInt8]) -> Response {
    Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
}
