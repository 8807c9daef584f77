import HTTPTypes
import Logging

extension ServerState {
    /// Accounts for a finished request: counts it and records its latency per endpoint (a path
    /// of ``Endpoint``, anything else `other`) and status, and logs one line (debug; server
    /// failures at error).
    /// - Parameters:
    ///   - method: the request's method.
    ///   - path: the request's path, without the query.
    ///   - status: the response's status.
    ///   - elapsed: how long the request took.
    ///   - failure: the error answered, if any.
    func finishRequest(
        method: HTTPRequest.Method, path: String, status: HTTPResponse.Status, elapsed: Duration, failure: APIError?
    ) {
        let endpoint = path == OnlineFeaturesRoute.path ? path : Endpoint.endpoints(atPath: path).first?.path ?? "other"
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
