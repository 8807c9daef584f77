import Hummingbird

extension Router {
    /// Adds the handler of an endpoint, at its path and for its method.
    /// - Parameters:
    ///   - endpoint: the endpoint.
    ///   - handler: what answers it.
    func on(
        _ endpoint: Endpoint, use handler: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator
    ) {
        on(RouterPath(endpoint.path), method: endpoint.method, use: handler)
    }
}
