import HTTPTypes
import Logging

extension ServerState {
    /// The paths the server routes; anything else is counted as `other`.
    static let knownPaths: Set<String> = [
        "/get-online-features", "/push", "/write-to-online-store", "/materialize", "/materialize-incremental",
        "/health", "/metrics",
    ]

    /// Accounts for a finished request: counts it and records its latency per endpoint and
    /// status, and logs one line (debug; server failures at error).
    /// - Parameters:
    ///   - method: the request's method.
    ///   - path: the request's path, without the query.
    ///   - status: the response's status.
    ///   - elapsed: how long the request took.
    ///   - failure: the error answered, if any.
    func finishRequest(
        method: HTTPRequest.Method, path: String, status: HTTPResponse.Status, elapsed: Duration, failure: APIError?
    ) {
        let endpoint = path == OnlineFeaturesRoute.path || Self.knownPaths.contains(path) ? path : "other"
        metrics.recordRequest(endpoint: endpoint, status: status.code, duration: elapsed)
        if let failure, failure.status.code >= 500 {
            logger.error(
                "request failed",
                metadata: [
                    "http.method": "\(method)", "http.path": "\(path)", "http.status": "\(status.code)",
                    "error.detail": "\(failure.detail)",
                ])
        } else if logger.logLevel <= .debug {
            var metadata: Logger.Metadata = [
                "http.method": "\(method)", "http.path": "\(path)", "http.status": "\(status.code)",
                "duration.microseconds": "\(elapsed.totalNanosecondsSaturating / 1_000)",
            ]
            if let failure { metadata["error.detail"] = "\(failure.detail)" }
            logger.debug("request", metadata: metadata)
        }
    }
}
