import Foundation
import LarderCore
import LarderTestSupport
import Testing

/// `larder drift --logged`: what the server logged for a feature service is the current sample,
/// compared with a saved training set of the same service.
@Suite struct LoggedDriftTests {
    @Test func driftReadsWhatTheServerLoggedForTheBaselinesService() async throws {
        let fixture = try ServerFixture(serverYAML: FeatureLoggingTests.yaml())
        let directory = fixture.directory.path
        let entities = fixture.directory.url.appendingPathComponent("entities.csv").path
        try "user_id,event_timestamp\n1001,2026-01-03T00:00:00Z\n1002,2026-01-03T00:00:00Z\n"
            .write(toFile: entities, atomically: true, encoding: .utf8)
        let saved = try await LarderExecutable.run([
            "get-historical-features", "--repo", directory, "--entities", entities, "--service", "fraud_v1",
            "--save-as", "base",
        ])
        #expect(saved.status == 0, "\(saved)")

        let start = Timestamp.now
        try await withLiveServer(fixture) { port in
            try await FeatureLoggingTests.send(FeatureLoggingTests.serviceRead, times: 2, port: port)
        }
        let since = start.description
        let drift = try await LarderExecutable.run([
            "drift", "--repo", directory, "--baseline", "base", "--logged", "--since", since, "--json",
        ])
        #expect(drift.status == 0 || drift.status == 3, "\(drift)")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(drift.standardOutput.utf8)) as? [String: Any])
        let features = try #require(report["features"] as? [[String: Any]])
        #expect(features.compactMap { $0["name"] as? String } == ["avg_amount", "tx_count"])
        // Two requests for users 1001, 1002 and 1003: six logged rows; 1003 has no row, so a
        // third of the logged counts are null where the training set had none.
        let counts = try #require(features.first { $0["name"] as? String == "tx_count" })
        #expect(counts["current_rows"] as? Int == 6)
        #expect(counts["baseline_rows"] as? Int == 2)
        let change = try #require(counts["null_fraction_change"] as? Double)
        #expect(abs(change - 1.0 / 3.0) < 1e-12)

        let unknown = try await LarderExecutable.run([
            "drift", "--repo", directory, "--baseline", "base", "--logged", "--service", "nope",
        ])
        #expect(unknown.status == 1)
        #expect(unknown.standardError.contains("nope"), "\(unknown)")
    }
}
