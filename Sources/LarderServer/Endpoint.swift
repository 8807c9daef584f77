import HTTPTypes

/// Every route of the feature server, with its path and method. The routes register from
/// here, the request log names endpoints from here, and a request for one of these paths
/// with another method gets 405 with the `Allow` header listed from here.
enum Endpoint: CaseIterable, Sendable {
    /// `POST /get-online-features`.
    case onlineFeatures
    /// `POST /push`.
    case push
    /// `POST /write-to-online-store`.
    case writeToOnlineStore
    /// `POST /materialize`.
    case materialize
    /// `POST /materialize-incremental`.
    case materializeIncremental
    /// `GET /health`.
    case health
    /// `GET /metrics`.
    case metrics
    /// `GET /api/v1/overview`: the console's overview (counts, freshness).
    case consoleOverview
    /// `GET /api/v1/registry`: the applied definitions, for the console.
    case consoleRegistry

    /// The route's path.
    var path: String {
        switch self {
        case .onlineFeatures: "/get-online-features"
        case .push: "/push"
        case .writeToOnlineStore: "/write-to-online-store"
        case .materialize: "/materialize"
        case .materializeIncremental: "/materialize-incremental"
        case .health: "/health"
        case .metrics: "/metrics"
        case .consoleOverview: "/api/v1/overview"
        case .consoleRegistry: "/api/v1/registry"
        }
    }

    /// The route's method.
    var method: HTTPRequest.Method {
        switch self {
        case .health, .metrics, .consoleOverview, .consoleRegistry: .get
        default: .post
        }
    }

    /// The endpoints at a request's path, as the router matches paths: empty segments (a
    /// trailing or doubled `/`) do not count.
    /// - Parameter path: the request's path, without the query.
    /// - Returns: the endpoints (one per method), empty for a path the server does not route.
    static func endpoints(atPath path: some StringProtocol) -> [Endpoint] {
        if let exact = byPath[String(path)] { return exact }
        return byPath["/" + path.split(separator: "/").joined(separator: "/")] ?? []
    }

    private static let byPath: [String: [Endpoint]] = Dictionary(grouping: allCases, by: \.path)
}
