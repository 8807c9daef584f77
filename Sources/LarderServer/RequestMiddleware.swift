import Hummingbird

/// Wraps every request: answers a method a known path does not take with 405 and its
/// `Allow` header (from ``Endpoint``), answers errors as JSON through
/// ``APIError/init(mapping:)`` (the one place errors become statuses), and accounts for the
/// request through ``ServerState/finishRequest(method:path:status:elapsed:failure:)``.
struct RequestMiddleware<Context: RequestContext>: RouterMiddleware {
    let state: ServerState

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let clock = ContinuousClock()
        let started = clock.now
        let response: Response
        var failure: APIError?
        do {
            let endpoints = Endpoint.endpoints(atPath: request.uri.path)
            if !endpoints.isEmpty, !endpoints.contains(where: { $0.method == request.method }) {
                throw APIError.methodNotAllowed(
                    request.method, path: request.uri.path, allowed: endpoints.map(\.method))
            }
            response = try await next(request, context)
        } catch {
            let mapped = APIError(mapping: error)
            failure = mapped
            response = mapped.response
        }
        state.finishRequest(
            method: request.method, path: request.uri.path, status: response.status, elapsed: clock.now - started,
            failure: failure)
        return response
    }
}
