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

    init(store: FeatureStore, metrics: ServerMetrics) {
        self.store = store
        settings = store.configuration.server
        authorizer = Authorizer(tokens: settings.tokens)
        self.metrics = metrics
        logger = store.logger
    }

    /// Reads the whole body (at most ``ServerSettings/maxBodyBytes``) and parses it as a
    /// JSON object.
    /// - Parameter request: the request.
    /// - Returns: the object.
    /// - Throws: ``APIError`` 413 for a body that is too large, 400 for one that is not a
    ///   JSON object.
    func readJSONObject(_ request: inout Request) async throws -> JSONValue {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > settings.maxBodyBytes {
            throw bodyTooLarge
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: settings.maxBodyBytes)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw bodyTooLarge
        } catch is NIOTooManyBytesError {
            // A chunked body, which has no Content-Length to check first.
            throw bodyTooLarge
        }
        return try parseJSONObject(buffer)
    }

    /// Parses a whole body as a JSON object.
    /// - Parameter buffer: the body.
    /// - Returns: the object.
    /// - Throws: ``APIError`` 400 for a body that is not a JSON object.
    func parseJSONObject(_ buffer: ByteBuffer) throws -> JSONValue {
        let value: JSONValue
        do {
            value = try buffer.withUnsafeReadableBytes { raw in
                try JSONReader.parse(raw.bindMemory(to: UInt8.self))
            }
        } catch let error as JSONReader.SyntaxError {
            throw APIError(.badRequest, "malformed_json", "the body is not valid JSON: \(error)")
        }
        guard case .object = value else {
            throw APIError.invalidRequest("the body must be a JSON object, not \(value.kindDescription)")
        }
        return value
    }

    /// The error for a body larger than ``ServerSettings/maxBodyBytes`` (413).
    var bodyTooLarge: APIError {
        APIError(.contentTooLarge, "body_too_large", "the request body is larger than \(settings.maxBodyBytes) bytes (server.max_body_bytes)")
    }

    /// Runs blocking work (SQLite, a large LMDB write) on NIO's thread pool, off the event
    /// loops, so other requests keep being served.
    /// - Parameter work: the work.
    /// - Returns: its result.
    func offEventLoop<Result: Sendable>(_ work: @escaping @Sendable () throws -> Result) async throws -> Result {
        try await NIOThreadPoolRunner.run(work)
    }
}
