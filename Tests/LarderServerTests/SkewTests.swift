import Foundation
import Larder
import LarderCore
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
}
