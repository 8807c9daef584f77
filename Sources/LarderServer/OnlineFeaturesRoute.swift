import Hummingbird
import Larder
import LarderCore
import LarderOnline
import NIOCore

/// `POST /get-online-features`: the latest feature values for entity rows, in Feast's format.
struct OnlineFeaturesRoute: Sendable {
    let state: ServerState

    /// Adds the route.
    func register<Context: RequestContext>(on router: Router<Context>) {
        router.post("/get-online-features") { request, _ in try await handle(request) }
    }

    /// Reads inline on the event loop: an LMDB lookup is a few microseconds, less than a hop
    /// to another thread.
    private func handle(_ request: Request) async throws -> Response {
        var request = request
        try state.authorizer.authorize(request.headers, for: .readOnline)
        let body = try await state.readJSONObject(&request)
        let parsed = try OnlineFeaturesRequest(body, maxEntityRows: state.settings.maxEntityRows)
        let result: OnlineFeatures
        switch parsed.selection {
        case .features(let references):
            result = try state.store.getOnlineFeatures(
                features: references, entities: parsed.entities, fullFeatureNames: parsed.fullFeatureNames)
        case .service(let name):
            result = try state.store.getOnlineFeatures(
                service: name, entities: parsed.entities, fullFeatureNames: parsed.fullFeatureNames)
        }
        recordMetrics(result, keyColumns: parsed.entities.count)
        return Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: OnlineFeaturesEncoder.encode(result))))
    }

    private func recordMetrics(_ result: OnlineFeatures, keyColumns: Int) {
        var counts: [FeatureStatus: Int] = [:]
        for column in result.columns.dropFirst(keyColumns) {
            for status in column.statuses { counts[status, default: 0] += 1 }
        }
        state.metrics.recordOnlineRead(rows: result.rowCount, statuses: counts)
    }
}
