import Foundation
import Larder
import LarderCore
import LarderTestSupport
import Testing

/// `larder skew` finds a value the online store serves that the offline store would not give:
/// one key's `avg_amount` is overwritten online, and only that feature, only for the requests
/// after the write, differs from the training set recomputed at the requests' log times.
@Suite struct SkewTests {
    static func write(_ body: String) -> String {
        "POST /write-to-online-store HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)"
    }

    @Test(arguments: [ServedStores.embedded, .memory])
    func skewFindsAChangedOnlineValue(stores: ServedStores) async throws {
        let fixture = try ServerFixture(serverYAML: FeatureLoggingTests.yaml(), stores: stores)
        let start = Timestamp.now
        try await withLiveServer(fixture) { port in
            try await FeatureLoggingTests.send(FeatureLoggingTests.serviceRead, times: 1, port: port)
            let changed =
                #"{"feature_view_name": "user_stats", "df": {"user_id": [1001], "avg_amount": [99.5], "tx_count": [4], "event_timestamp": ["2026-06-01T00:00:00Z"]}}"#
            let response = try await RawHTTPConnection.answer(Self.write(changed), port: port)
            #expect(response.status == 200, "\(response.body)")
            try await FeatureLoggingTests.send(FeatureLoggingTests.serviceRead, times: 1, port: port)
        }
        let report = try fixture.store.skew(service: "fraud_v1", since: start)
        #expect(report.rows == 6)
        #expect(report.features.map(\.name) == ["avg_amount", "tx_count"])
        #expect(report.features.map(\.differing) == [1, 0])
        #expect(report.features.map(\.compared) == [6, 6])
        #expect(abs(report.features[0].share - 1.0 / 6) < 1e-12)
        #expect(report.skewed == ["avg_amount"])
        let example = try #require(report.features[0].example)
        #expect(example.entityRow == 0)
        #expect(example.served == "float64 99.5")
        #expect(example.recomputed == "float64 7.25")
        // Below the threshold, nothing is skewed.
        #expect(try fixture.store.skew(service: "fraud_v1", since: start, threshold: 0.2).skewed.isEmpty)
        // Nothing logged since now: nothing compared.
        let empty = try fixture.store.skew(service: "fraud_v1", since: .now)
        #expect(empty.rows == 0 && empty.skewed.isEmpty)
    }

    @Test func theCommandReportsSkewAndFailsAboveTheThreshold() async throws {
        let fixture = try ServerFixture(serverYAML: FeatureLoggingTests.yaml())
        try await withLiveServer(fixture) { port in
            let changed =
                #"{"feature_view_name": "user_stats", "df": {"user_id": [1002], "avg_amount": [3.0], "tx_count": [10], "event_timestamp": ["2026-06-01T00:00:00Z"]}}"#
            #expect(try await RawHTTPConnection.answer(Self.write(changed), port: port).status == 200)
            try await FeatureLoggingTests.send(FeatureLoggingTests.serviceRead, times: 1, port: port)
        }
        let arguments = ["skew", "--repo", fixture.directory.path, "--service", "fraud_v1", "--since", "1h"]
        let json = try await LarderExecutable.run(arguments + ["--json"])
        #expect(json.status == 3, "\(json)")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect(report["rows"] as? Int == 3)
        #expect(report["skewed"] as? [String] == ["avg_amount", "tx_count"])
        let table = try await LarderExecutable.run(arguments + ["--threshold", "0.5"])
        #expect(table.status == 0, "\(table)")
        #expect(table.standardOutput.contains("Feature service fraud_v1: 3 logged rows since"))
        #expect(table.standardOutput.contains("float64 3.0 / null"))
        let bad = try await LarderExecutable.run([
            "skew", "--repo", fixture.directory.path, "--service", "fraud_v1", "--since", "yesterday",
        ])
        #expect(bad.status != 0 && bad.standardError.contains("--since yesterday"), "\(bad)")
    }

    /// On-demand features are recomputed from the request fields logged with the request: they
    /// agree until an input changes online, and then only the feature that reads it differs.
    @Test func onDemandFeaturesAreRecomputedFromTheLoggedRequestFields() async throws {
        let manifest = OnDemandServingTests.manifest
        let fixture = try ServerFixture(
            serverYAML: "feature_logging: {services: {scoring: {sample_rate: 1}}}\n", manifest: manifest,
            files: ["data/users.csv": ServerFixture.csv + "\n", "data/clicks.csv": "user_id,event_timestamp,clicks\n"])
        let read = onlineRead(
            #"{"entities": {"user_id": [1001, 1002]}, "request_data": {"amount": [13.5, 4], "timestamp": ["2026-01-05T22:10:00Z", "2026-01-05T03:00:00+02:00"]}, "feature_service": "scoring"}"#
        )
        let start = Timestamp.now
        try await withLiveServer(fixture) { port in
            try await FeatureLoggingTests.send(read, times: 1, port: port)
            let changed =
                #"{"feature_view_name": "user_stats", "df": {"user_id": [1001], "avg_amount": [27.0], "tx_count": [4], "event_timestamp": ["2026-06-01T00:00:00Z"]}}"#
            #expect(try await RawHTTPConnection.answer(Self.write(changed), port: port).status == 200)
            try await FeatureLoggingTests.send(read, times: 1, port: port)
        }
        let report = try fixture.store.skew(service: "scoring", since: start)
        #expect(report.rows == 4)
        #expect(report.features.map(\.name) == ["tx_count", "amount_log", "hour", "ratio"])
        // Only the second request's first row read the value written online.
        #expect(report.features.map(\.differing) == [0, 0, 0, 1])
        #expect(report.features[3].example?.served == "float64 0.5")
        #expect(report.features[3].example?.entityRow == 0)
        #expect(report.skewed == ["ratio"])
    }
}
