import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Larder
import LarderCore
@testable import LarderServer
import Testing

/// The web console in process: its pages, its JSON API, its sign-in, and its lookup answering
/// exactly what `POST /get-online-features` answers. (tools/console_browser.py drives the same
/// pages in headless Chromium.)
@Suite struct ConsoleTests {
    static let pages = [
        "/ui", "/ui/entities", "/ui/sources", "/ui/feature-views", "/ui/feature-services", "/ui/lookup",
        "/ui/entities/user", "/ui/sources/users", "/ui/sources/clicks_push", "/ui/feature-views/user_stats",
        "/ui/feature-views/user_clicks", "/ui/feature-services/fraud_v1",
    ]

    @Test(arguments: pages)
    func everyPageRendersWithTheRegistrysObjects(path: String) async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let page = String(buffer: response.body)
                #expect(page.hasPrefix("<!doctype html>"))
                #expect(page.contains("<main id=\"main\""))
                #expect(page.contains(#"href="/ui/assets/console.css""#))
            }
        }
    }

    @Test func theListsNameEveryObjectAndTheSearchFiltersThem() async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/ui/feature-views", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains(#"<a href="/ui/feature-views/user_stats">user_stats</a>"#))
                #expect(page.contains(#"<a href="/ui/feature-views/user_clicks">user_clicks</a>"#))
            }
            try await client.execute(uri: "/ui/feature-views?q=CLICK", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("user_clicks</a>"))
                #expect(!page.contains("user_stats</a>"))
                #expect(page.contains("1 of 2 feature views match"))
            }
        }
    }

    @Test func aViewsPageShowsItsSchemaSourceServicesAndLineage() async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/ui/feature-views/user_stats", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("<code>avg_amount</code></th><td>float64</td>"))
                #expect(page.contains("<code>user_id</code></th><td>int64</td><td>join key</td>"))
                #expect(page.contains(#"<a href="/ui/feature-services/fraud_v1">fraud_v1</a>"#))
                #expect(page.contains("<svg role=\"img\""))
                #expect(page.contains("<li>users → user_stats</li>"))
                #expect(page.contains("<li>user_stats → fraud_v1</li>"))
            }
        }
    }

    @Test func anUnknownObjectIsA404PageLinkingBackToItsList() async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/ui/feature-views/%3Cscript%3E", method: .get) { response in
                #expect(response.status == .notFound)
                let page = String(buffer: response.body)
                #expect(page.contains("<code>&lt;script&gt;</code>"))
                #expect(page.contains(#"<a href="/ui/feature-views">"#))
            }
        }
    }

    @Test func theLookupShowsTheOnlineReadsOwnAnswer() async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.router) { client in
            let read = #"{"entities": {"user_id": [1001, 1003]}, "feature_service": "fraud_v1"}"#
            let expected = try await client.execute(uri: "/get-online-features", method: .post, body: body(read)) {
                String(buffer: $0.body)
            }
            let query = "service=fraud_v1&features=&key.user_id=1001%2C%201003&fragment=result"
            try await client.execute(uri: "/ui/lookup?" + query, method: .get) { response in
                #expect(response.status == .ok)
                let fragment = String(buffer: response.body)
                #expect(!fragment.contains("<!doctype html>"))
                #expect(fragment.contains("<pre id=\"lookup-json\">\(HTML.escape(expected))</pre>"))
                #expect(fragment.contains(#"<span class="status present">PRESENT</span>"#))
                #expect(fragment.contains(#"<span class="status not_found">NOT_FOUND</span>"#))
            }
        }
    }

    @Test(
        arguments: [
            ("service=fraud_v1&key.user_id=abc", "user_id is int64; 'abc' is not an integer"),
            ("service=nope&key.user_id=1", "no feature service 'nope'"),
            ("features=user_stats%3Anope&key.user_id=1", "feature view 'user_stats' has no feature 'nope'"),
        ])
    func aLookupThatCannotBeReadSaysWhy(query: String, message: String) async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/ui/lookup?\(query)&fragment=result", method: .get) { response in
                let fragment = String(buffer: response.body)
                #expect(fragment.contains(#"role="alert""#))
                #expect(fragment.contains(HTML.escape(message)), "\(fragment)")
            }
        }
    }

    @Test func withTokensPagesAskToSignInAndTheCookieLetsTheReaderIn() async throws {
        let fixture = try ServerFixture(serverYAML: "server:\n" + ServerFixture.authYAML)
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/ui/feature-views?q=x", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/ui/login?next=%2Fui%2Ffeature-views%3Fq%3Dx")
            }
            try await client.execute(uri: "/api/v1/overview", method: .get) { #expect($0.status == .unauthorized) }
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            try await client.execute(
                uri: "/ui/login", method: .post, headers: form, body: body("token=writer-token&next=%2Fui")
            ) { response in
                #expect(response.status == .forbidden)
                #expect(String(buffer: response.body).contains("does not have the &#39;read_online&#39; permission"))
            }
            let cookie = try await client.execute(
                uri: "/ui/login", method: .post, headers: form,
                body: body("token=reader-token&next=https%3A%2F%2Felsewhere.example")
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/ui")
                return try #require(response.headers[.setCookie])
            }
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            let signedIn: HTTPFields = [.cookie: String(cookie.prefix { $0 != ";" })]
            try await client.execute(uri: "/ui/feature-views", method: .get, headers: signedIn) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/api/v1/registry", method: .get, headers: signedIn) {
                #expect($0.status == .ok)
            }
            try await client.execute(
                uri: "/api/v1/overview", method: .get, headers: [.authorization: "Bearer writer-token"]
            ) { #expect($0.status == .forbidden) }
        }
    }

    @Test func theOverviewAPIGivesCountsAndFreshness() async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/overview", method: .get) { response in
                let object = try json(response)
                #expect(object["project"] as? String == "served")
                let counts = try #require(object["counts"] as? [String: Int])
                #expect(counts == ["entities": 1, "sources": 2, "feature_views": 2, "feature_services": 1])
                let freshness = try #require(object["freshness"] as? [[String: Any]])
                let stats = try #require(freshness.first { $0["feature_view"] as? String == "user_stats" })
                #expect(stats["newest_event"] as? String == "2026-01-02T00:00:00.123Z")
                #expect(stats["ttl_seconds"] is NSNull)
                #expect(stats["stale"] as? Bool == false)
            }
            try await client.execute(uri: "/api/v1/registry", method: .get) { response in
                let object = try json(response)
                let services = try #require(object["services_by_feature_view"] as? [String: [String]])
                #expect(services == ["user_stats": ["fraud_v1"], "user_clicks": []])
            }
        }
    }

    @Test func theAssetsAreEmbeddedAndRevalidatedByTheirTag() async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.router) { client in
            for asset in ConsoleAssets.all {
                let etag = try await client.execute(uri: asset.path, method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(Array(buffer: response.body) == asset.bytes)
                    return try #require(response.headers[.eTag])
                }
                try await client.execute(uri: asset.path, method: .get, headers: [.ifNoneMatch: etag]) {
                    #expect($0.status == .notModified)
                }
            }
        }
    }

    @Test func theConsoleAloneServesNoOnlineReads() async throws {
        let fixture = try ServerFixture()
        var configuration = ServerConfiguration()
        configuration.consoleOnly = true
        try await fixture.application(configuration).test(.router) { client in
            try await client.execute(uri: "/ui", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/metrics", method: .get) { #expect($0.status == .notFound) }
            let read = #"{"entities": {"user_id": [1001]}, "feature_service": "fraud_v1"}"#
            try await client.execute(uri: "/get-online-features", method: .post, body: body(read)) {
                #expect($0.status != .ok)
            }
            try await client.execute(uri: "/ui/lookup?service=fraud_v1&key.user_id=1001", method: .get) {
                #expect(String(buffer: $0.body).contains(#"<span class="status present">PRESENT</span>"#))
            }
        }
    }

    @Test func anAggregationViewsPageShowsItsDeclarationsReadably() async throws {
        let fixture = try ServerFixture(
            manifest: AggregationServingTests.manifest(),
            files: [
                "data/users.csv": ServerFixture.csv + "\n",
                "data/payments.csv": "user_id,merchant_id,amount,event_timestamp\n",
            ])
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/ui/feature-views/user_payments", method: .get) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("<h2>Aggregations</h2>"))
                #expect(
                    page.contains(
                        "<code>amount_sum_1d</code></th><td><code>amount · sum · 1d</code></td><td>float64</td>"))
                #expect(
                    page.contains("<code>merchants_1d</code></th><td><code>merchant_id · count_distinct · 1d</code>"))
                #expect(page.contains("<code>count_1h</code></th><td><code>events · count · 1h</code>"))
            }
            try await client.execute(uri: "/ui/feature-views/user_stats", method: .get) { response in
                #expect(!String(buffer: response.body).contains("<h2>Aggregations</h2>"))
            }
        }
    }
}
