import Foundation
import Hummingbird
import Larder
import Logging
import NIOCore

/// What every route shares: the store, the limits, the token check, the metrics.
struct ServerState: Sendable {
    let store: FeatureStore
    let settings: ServerSettings
    let authorizer: Authorizer
    let metrics: ServerMetrics
    let logger: Logger
    /// The queue of reads to log, when `feature_logging:` names a service.
    let featureLog: FeatureLogQueue?
    /// The gauges of the latest drift report, next to the registry.
    let driftReport: DriftReportGauges

    init(store: FeatureStore, metrics: ServerMetrics) {
        self.store = store
        settings = store.configuration.server
        authorizer = Authorizer(tokens: settings.tokens)
        self.metrics = metrics
        logger = store.logger
        driftReport = DriftReportGauges(
            path: URL(fileURLWithPath: store.registryFile.path).deletingLastPathComponent()
                .appendingPathComponent("quality/drift-latest.json").path,
            logger: store.logger)
        let logging = store.configuration.featureLogging
        featureLog =
            logging.isEnabled
            ? FeatureLogQueue(
                settings: logging, dropped: metrics.featureLogRows("dropped"),
                written: metrics.featureLogRows("written"), failed: metrics.featureLogRows("failed"))
            : nil
    }

    /// Reads the whole body, at most ``ServerSettings/maxBodyBytes``, of a request whose
    /// `Content-Type`, when it has one, is JSON.
    /// - Parameter request: the request.
    /// - Returns: the body.
    /// - Throws: ``APIError`` 415 for another content type, 413 for a body that is too large.
    func readBody(_ request: inout Request) async throws -> ByteBuffer {
        for contentType in request.headers[values: .contentType] where !JSONMediaType.accepts(contentType) {
            throw APIError(
                .unsupportedMediaType, "unsupported_media_type",
                "the body must be JSON, sent as 'Content-Type: application/json', not '\(contentType)'")
        }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > settings.maxBodyBytes {
            throw bodyTooLarge
        }
        do {
            return try await request.collectBody(upTo: settings.maxBodyBytes)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw bodyTooLarge
        } catch is NIOTooManyBytesError {
            // A chunked body, which has no Content-Length to check first.
            throw bodyTooLarge
        }
    }

    /// The error for a body larger than ``ServerSettings/maxBodyBytes`` (413).
    var bodyTooLarge: APIError {
        APIError(
            .contentTooLarge, "body_too_large",
            "the request body is larger than \(settings.maxBodyBytes) bytes (server.max_body_bytes)")
    }

    /// Runs blocking work (SQLite, a large LMDB write) on NIO's thread pool, off the event
    /// loops, so other requests keep being served.
    /// - Parameter work: the work.
    /// - Returns: its result.
    func offEventLoop<Result: Sendable>(_ work: @escaping @Sendable () throws -> Result) async throws -> Result {
        try await NIOThreadPoolRunner.run(work)
    }
}
