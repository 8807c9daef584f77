import HTTPTypes
import Hummingbird
import Larder
import LarderCore
import LarderStores
import NIOCore

/// `POST /get-online-features`: the latest feature values for entity rows, in Feast's format.
///
/// A listening server answers this route in ``OnlineFeaturesChannelHandler``, on the event
/// loop, without going through the router; the router's route (used by in-process tests and
/// by requests the handler passes on) answers the same.
struct OnlineFeaturesRoute: Sendable {
    /// The route's path.
    static let path = Endpoint.onlineFeatures.path

    let state: ServerState

    /// Adds the route.
    func register<Context: RequestContext>(on router: Router<Context>) {
        router.on(.onlineFeatures) { request, _ in
            var request = request
            try state.authorizer.authorize(request.headers, for: .readOnline)
            let body = try await state.readJSONObject(&request)
            return jsonResponse(
                try respond(to: OnlineFeaturesRequest(body, maxEntityRows: state.settings.maxEntityRows)))
        }
    }

    /// Answers a whole request: checks the token, parses the body, reads the features.
    /// - Parameters:
    ///   - authorization: the request's `Authorization` header, if any.
    ///   - body: the request's body, no larger than ``ServerSettings/maxBodyBytes``.
    /// - Returns: the JSON response body.
    /// - Throws: ``APIError`` or any error of the read, for ``APIError/init(mapping:)``.
    func respond(authorization: String?, body: ByteBuffer) throws -> [UInt8] {
        try state.authorizer.authorize(authorization: authorization, for: .readOnline)
        let maxEntityRows = state.settings.maxEntityRows
        let plain = body.withUnsafeReadableBytes { raw in
            OnlineFeaturesRequest(plainBody: raw.bindMemory(to: UInt8.self), maxEntityRows: maxEntityRows)
        }
        return try respond(
            to: plain ?? OnlineFeaturesRequest(state.parseJSONObject(body), maxEntityRows: maxEntityRows))
    }

    /// Reads an LMDB lookup inline, wherever the caller runs: it takes a few microseconds,
    /// less than a hop to another thread.
    private func respond(to parsed: OnlineFeaturesRequest) throws -> [UInt8] {
        let result: OnlineFeatures
        let now = Timestamp.now
        var service: String?
        switch parsed.selection {
        case .features(let references):
            result = try state.store.getOnlineFeatures(
                features: references, entities: parsed.entities, requestData: parsed.requestData,
                fullFeatureNames: parsed.fullFeatureNames, now: now)
        case .service(let name):
            service = name
            result = try state.store.getOnlineFeatures(
                service: name, entities: parsed.entities, requestData: parsed.requestData,
                fullFeatureNames: parsed.fullFeatureNames, now: now)
        }
        // Request fields of on-demand features sent among the entities are not echoed as keys.
        let keyColumns = result.featureNames.prefix(parsed.entities.count).prefix { name in
            parsed.entities.contains { $0.name == name }
        }.count
        state.metrics.recordOnlineRead(result, keyColumns: keyColumns, service: service)
        if let service, let featureLog = state.featureLog, featureLog.samples(service) {
            featureLog.offer(
                service: service, logTime: now, entities: parsed.entities + parsed.requestData, result: result,
                keyColumns: keyColumns)
        }
        return OnlineFeaturesEncoder.encode(result)
    }
}
