import Foundation
import Hummingbird
import HummingbirdTesting
import LarderCore
import Testing

/// `/metrics`' data-quality gauges: statuses counted per feature service, each view's
/// freshness, and the drift report's statistics read from a hand-written report file.
@Suite struct QualityMetricsTests {
    static func scrape(_ client: some TestClientProtocol) async throws -> String {
        try await client.execute(uri: "/metrics", method: .get) { String(buffer: $0.body) }
    }

    static let report = """
        {"baseline": "train_2026_11", "computed_at": "2026-12-07T01:00:00Z", "p_value_threshold": 0.05,
         "bonferroni": true, "psi_threshold": 0.25,
         "features": [{"name": "amount", "kind": "numeric", "baseline_rows": 1000, "current_rows": 900,
                       "psi": 0.31, "ks_statistic": 0.2, "ks_p_value": 1e-9, "chi2_statistic": null,
                       "chi2_p_value": null, "null_fraction_change": 0.0, "drifted": true},
                      {"name": "country", "kind": "categorical", "baseline_rows": 1000, "current_rows": 900,
                       "psi": 0.01, "ks_statistic": null, "ks_p_value": null, "chi2_statistic": 3.5,
                       "chi2_p_value": 0.32, "null_fraction_change": -0.125, "drifted": false}],
         "drifted": ["amount"]}
        """

    @Test func statusesAreCountedPerFeatureService() async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.router) { client in
            let read = #"{"entities": {"user_id": [1001, 1002, 1003]}, "feature_service": "fraud_v1"}"#
            for _ in 0..<2 {
                try await client.execute(uri: "/get-online-features", method: .post, body: body(read)) {
                    #expect($0.status == .ok)
                }
            }
            let text = try await Self.scrape(client)
            for (status, count) in [("PRESENT", 6), ("NULL_VALUE", 2), ("NOT_FOUND", 4)] {
                #expect(
                    text.contains(
                        #"larder_feature_service_lookups_total{feature_service="fraud_v1",status="\#(status)"} \#(count)"#
                    ),
                    "\(text)")
            }
            #expect(!text.contains(#"status="OUTSIDE_MAX_AGE"} 1"#))
        }
    }

    @Test func freshnessIsTheAgeOfTheNewestMaterializedEvent() async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.router) { client in
            let before = Timestamp.now
            let text = try await Self.scrape(client)
            let after = Timestamp.now
            let line = try #require(
                text.split(separator: "\n").first {
                    $0.hasPrefix(#"larder_feature_view_freshness_seconds{feature_view="user_stats"} "#)
                })
            let age = try #require(Double(line.split(separator: " ")[1]))
            // The newest event of users.csv is 2026-01-02T00:00:00.123Z.
            let newest = Double(Timestamp(parsing: "2026-01-02T00:00:00.123Z")!.nanosecondsSinceEpoch) / 1e9
            #expect(age >= Double(before.nanosecondsSinceEpoch) / 1e9 - newest - 0.001)
            #expect(age <= Double(after.nanosecondsSinceEpoch) / 1e9 - newest + 0.001)
            // The push view never had a materialized event.
            #expect(!text.contains(#"larder_feature_view_freshness_seconds{feature_view="user_clicks"}"#))
            #expect(text.contains(#"larder_feature_view_ttl_seconds{feature_view="user_stats"} 0"#))
        }
    }

    @Test func driftGaugesFollowTheReportFile() async throws {
        let fixture = try ServerFixture()
        let path = "\(fixture.directory.path)/.larder/quality/drift-latest.json"
        try await fixture.application().test(.router) { client in
            #expect(!(try await Self.scrape(client)).contains("larder_feature_drift"))
            try FileManager.default.createDirectory(
                atPath: "\(fixture.directory.path)/.larder/quality", withIntermediateDirectories: true)
            try Self.report.write(toFile: path, atomically: true, encoding: .utf8)
            var text = try await Self.scrape(client)
            for expected in [
                #"larder_feature_drift{baseline="train_2026_11",feature="amount",statistic="psi"} 0.31"#,
                #"larder_feature_drift{baseline="train_2026_11",feature="amount",statistic="ks_statistic"} 0.2"#,
                #"larder_feature_drift{baseline="train_2026_11",feature="amount",statistic="ks_p_value"} 1e-09"#,
                #"larder_feature_drift{baseline="train_2026_11",feature="amount",statistic="null_fraction_change"} 0.0"#,
                #"larder_feature_drift{baseline="train_2026_11",feature="country",statistic="chi2_statistic"} 3.5"#,
                #"larder_feature_drift{baseline="train_2026_11",feature="country",statistic="chi2_p_value"} 0.32"#,
                #"larder_feature_drift{baseline="train_2026_11",feature="country",statistic="null_fraction_change"} -0.125"#,
                #"larder_feature_drifted{baseline="train_2026_11",feature="amount"} 1.0"#,
                #"larder_feature_drifted{baseline="train_2026_11",feature="country"} 0.0"#,
                "larder_drift_report_timestamp_seconds 1796605200.0",
            ] {
                #expect(text.contains(expected + "\n"), "missing \(expected)")
            }
            #expect(!text.contains(#"feature="amount",statistic="chi2_statistic""#))
            #expect(!text.contains(#"feature="country",statistic="ks_statistic""#))

            // A new report replaces the gauges.
            let next = Self.report.replacingOccurrences(of: "train_2026_11", with: "train_2026_12")
                .replacingOccurrences(of: #""psi": 0.31"#, with: #""psi": 0.05"#)
            try next.write(toFile: path, atomically: true, encoding: .utf8)
            text = try await Self.scrape(client)
            #expect(
                text.contains(#"larder_feature_drift{baseline="train_2026_12",feature="amount",statistic="psi"} 0.05"#))
            #expect(!text.contains("train_2026_11"))

            // A damaged report gives no drift gauges (and a warning in the log).
            try "{not json".write(toFile: path, atomically: true, encoding: .utf8)
            text = try await Self.scrape(client)
            #expect(!text.contains("larder_feature_drift"))
            #expect(text.contains("larder_feature_view_freshness_seconds"))
        }
    }
}
