import Hummingbird
import Logging

/// Wraps every request: answers errors as JSON through ``APIError/init(mapping:)`` (the
/// one place errors become statuses), records the request count and latency per endpoint
/// and status, and logs one line per request (debug; server failures at error).
struct RequestMiddleware<Context: RequestContext>: RouterMiddleware {
    let state: ServerState
    /// The paths the server routes; anything else is counted as `other`.
    static var knownPaths: Set<String> {
        [
            "/get-online-features", "/push", "/write-to-online-store", "/materialize", "/materialize-incremental",
            "/health", "/metrics",
        ]
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let clock = ContinuousClock()
        let started = clock.now
        let response: Response
        var failure: APIError?
        do {
            response = try await next(request, context)
        } catch {
            let mapped = APIError(mapping: error)
            failure = mapped
            response = mapped.response
        }
        let elapsed = clock.now - started
        let path = request.uri.path
        let endpoint = Self.knownPaths.contains(path) ? path : "other"
        state.metrics.recordRequest(endpoint: endpoint, status: response.status.code, duration: elapsed)
        if let failure, failure.status.code >= 500 {
            state.logger.error(
                "request failed",
                metadata: [
                    "http.method": "\(request.method)", "http.path": "\(path)", "http.status": "\(response.status.code)",
                    "error.detail": "\(failure.detail)",
                ])
        } else if state.logger.logLevel <= .debug {
            var metadata: Logger.Metadata = [
                "http.method": "\(request.method)", "http.path": "\(path)", "http.status": "\(response.status.code)",
                "duration.microseconds": "\(elapsed.totalNanosecondsSaturating / 1_000)",
            ]
            if let failure { metadata["error.detail"] = "\(failure.detail)" }
            state.logger.debug("request", metadata: metadata)
        }
        return response
    }
}
