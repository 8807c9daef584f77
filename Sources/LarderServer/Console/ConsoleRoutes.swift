import Foundation
import HTTPTypes
import Hummingbird
import Larder
import LarderCore
import NIOCore

/// The web console at `/ui` and the JSON API behind it at `/api/v1`: server-rendered pages
/// of the applied registry, its freshness and online lookups, with the embedded stylesheet
/// and script. Every page and API call needs a `read_online` token when the server has
/// tokens (``ConsoleAuth``).
struct ConsoleRoutes: Sendable {
    /// The console's root path.
    static let root = "/ui"

    let state: ServerState
    /// The online read the lookup page runs: the feature server's own route.
    let onlineFeatures: OnlineFeaturesRoute

    private var auth: ConsoleAuth { ConsoleAuth(authorizer: state.authorizer) }

    /// Adds the console's routes.
    func register<Context: RequestContext>(on router: Router<Context>) {
        for asset in ConsoleAssets.all {
            router.get(RouterPath(asset.path)) { request, _ in Self.serve(asset, request) }
        }
        router.get(RouterPath(Self.root + "/login")) { request, _ in
            guard auth.isEnabled else { return Self.redirect(to: Self.root) }
            return Self.html(
                ConsoleLoginPage.render(
                    layout: layout, next: Self.nextPath(request.uri.queryParameters["next"]),
                    failure: nil))
        }
        router.post(RouterPath(Self.root + "/login")) { request, _ in try await signIn(request) }
        router.post(RouterPath(Self.root + "/logout")) { _, _ in
            var response = Self.redirect(to: Self.root + "/login")
            response.headers[.setCookie] = ConsoleAuth.signOutCookie
            return response
        }
        page(router, Self.root, .overview) { pages, _, _ in pages.overview() }
        for section in [ConsoleSection.entities, .sources, .featureViews, .featureServices] {
            page(router, section.path, section) { pages, request, _ in
                let query = String(request.uri.queryParameters["q"] ?? "")
                switch section {
                case .entities: return pages.entities(query: query)
                case .sources: return pages.sources(query: query)
                case .featureViews: return pages.featureViews(query: query)
                default: return pages.featureServices(query: query)
                }
            }
            page(router, section.path + "/:name", section) { pages, _, name in
                switch section {
                case .entities: return pages.entity(named: name)
                case .sources: return pages.source(named: name)
                case .featureViews: return pages.featureView(named: name)
                default: return pages.featureService(named: name)
                }
            }
        }
        router.get(RouterPath(ConsoleSection.lookup.path)) { request, _ in try lookup(request) }
        router.on(.consoleOverview) { request, _ in
            try auth.authorize(request.headers)
            let (catalog, now) = try snapshot()
            return try jsonResponse(
                encoding: OverviewBody(catalog: catalog, configuration: state.store.configuration, now: now))
        }
        router.on(.consoleRegistry) { request, _ in
            try auth.authorize(request.headers)
            return try jsonResponse(encoding: RegistryBody(catalog: try snapshot().catalog))
        }
    }

    private var layout: ConsoleLayout { ConsoleLayout(project: state.store.configuration.project) }

    /// The registry as of now, and now.
    private func snapshot() throws -> (catalog: ConsoleCatalog, now: Timestamp) {
        (ConsoleCatalog(registry: try state.store.currentRegistry()), .now)
    }

    private func pages() throws -> ConsolePages {
        let (catalog, now) = try snapshot()
        return ConsolePages(catalog: catalog, configuration: state.store.configuration, now: now)
    }

    /// Adds a page that needs a signed-in reader: without a token the browser is sent to
    /// the login page. A page rendered as `nil` names an object the registry does not hold:
    /// 404, with a link back to the section's list.
    private func page<Context: RequestContext>(
        _ router: Router<Context>, _ path: String, _ section: ConsoleSection,
        render: @escaping @Sendable (ConsolePages, Request, String) throws -> HTML?
    ) {
        router.get(RouterPath(path)) { request, context in
            if let redirect = signInRedirect(request) { return redirect }
            let name = context.parameters.get("name").map { $0.removingPercentEncoding ?? $0 } ?? ""
            let pages = try pages()
            guard let document = try render(pages, request, name) else {
                return Self.html(pages.notFound(section, name), status: .notFound)
            }
            return Self.html(document)
        }
    }

    /// The login page's redirect for a request without a valid token, `nil` when it has one.
    private func signInRedirect(_ request: Request) -> Response? {
        do {
            try auth.authorize(request.headers)
            return nil
        } catch {
            let query = request.uri.query.map { "?" + $0 } ?? ""
            return Self.redirect(
                to: "\(Self.root)/login?next=\(ConsoleURL.encodeComponent(request.uri.path + query))")
        }
    }

    /// `POST /ui/login`: checks the token and, when it may read, keeps it in the cookie.
    private func signIn(_ request: Request) async throws -> Response {
        let body = try await request.body.collect(upTo: 16 << 10)
        let fields = ConsoleURL.formFields(String(buffer: body))
        let token = fields.last { $0.name == "token" }?.value ?? ""
        let next = Self.nextPath(fields.last { $0.name == "next" }?.value)
        do {
            try auth.authorizer.authorize(authorization: "Bearer \(token)", for: ConsoleAuth.permission)
        } catch let error as APIError {
            return Self.html(
                ConsoleLoginPage.render(layout: layout, next: next, failure: error.detail), status: error.status)
        }
        var response = Self.redirect(to: next)
        response.headers[.setCookie] = ConsoleAuth.signInCookie(token)
        return response
    }

    /// `GET /ui/lookup`: the form, and when it is filled in, the online read through the
    /// feature server's route with the caller's token: the same checks, the same answer.
    private func lookup(_ request: Request) throws -> Response {
        if let redirect = signInRedirect(request) { return redirect }
        let pages = try pages()
        let parameters = request.uri.queryParameters.map { (String($0.key), String($0.value)) }
        let form = LookupForm(parameters: parameters)
        var outcome = LookupOutcome.notAsked
        if form.isFilledIn {
            do {
                let keys =
                    form.service.isEmpty
                    ? try featureJoinKeys(form, catalog: pages.catalog)
                    : try serviceJoinKeys(form, catalog: pages.catalog)
                let body = try form.requestBody(joinKeys: keys)
                outcome = .answered(
                    try onlineFeatures.respond(
                        authorization: auth.authorization(request.headers), body: ByteBuffer(bytes: body)))
            } catch let error as LookupFormError {
                outcome = .failed(status: 400, message: error.description)
            } catch {
                let mapped = APIError(mapping: error)
                outcome = .failed(status: Int(mapped.status.code), message: mapped.detail)
            }
        }
        if request.uri.queryParameters["fragment"] == "result" {
            return Self.html(pages.lookupResult(outcome))
        }
        return Self.html(pages.lookup(form: form, outcome: outcome))
    }

    private func serviceJoinKeys(_ form: LookupForm, catalog: ConsoleCatalog) throws -> [JoinKey] {
        guard let service = catalog.manifest.featureService(named: form.service) else {
            throw LookupFormError("the repository defines no feature service '\(form.service)'")
        }
        return catalog.joinKeys(of: service)
    }

    private func featureJoinKeys(_ form: LookupForm, catalog: ConsoleCatalog) throws -> [JoinKey] {
        var views: [String] = []
        for reference in form.featureReferences {
            let parsed = try FeatureReference(parsing: reference)
            guard let view = catalog.manifest.featureView(named: parsed.view) else {
                throw LookupFormError("the repository defines no feature view '\(parsed.view)' (in '\(reference)')")
            }
            if !views.contains(view.name) { views.append(view.name) }
        }
        let service = FeatureService(name: "", selections: views.map { FeatureSelection(featureView: $0) })
        return catalog.joinKeys(of: service)
    }

    /// A console path to return to after signing in; anything else goes to the overview,
    /// so the form cannot send the browser to another site.
    static func nextPath(_ value: (some StringProtocol)?) -> String {
        guard let value, value.hasPrefix(root), !value.hasPrefix("//") else { return root }
        return String(value)
    }

    /// An HTML response that no cache keeps and no other site frames or scripts.
    static func html(_ document: HTML, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [
                .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                .contentSecurityPolicy:
                    "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'",
                .xContentTypeOptions: "nosniff", HTTPField.Name("Referrer-Policy")!: "same-origin",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(string: document.markup)))
    }

    /// A `303 See Other` to a path.
    static func redirect(to path: String) -> Response {
        Response(status: .seeOther, headers: [.location: path])
    }

    /// An embedded asset, or `304 Not Modified` when the browser holds the same version.
    static func serve(_ asset: ConsoleAsset, _ request: Request) -> Response {
        var headers: HTTPFields = [
            .contentType: asset.contentType, .eTag: asset.etag, .cacheControl: "no-cache",
            .xContentTypeOptions: "nosniff",
        ]
        if request.headers[values: .ifNoneMatch].contains(where: { $0.contains(asset.etag) }) {
            headers[.contentType] = nil
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: asset.bytes)))
    }
}
