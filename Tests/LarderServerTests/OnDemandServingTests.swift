import Foundation
import Hummingbird
import HummingbirdTesting
import Larder
import LarderCore
import LarderServer
import LarderTestSupport
import Testing

/// On-demand features over HTTP: request fields next to the join keys or in `request_data`,
/// a missing or mistyped field answered 400 naming it, and the CLI printing the same bytes.
@Suite struct OnDemandServingTests {
    static func fixture() throws -> ServerFixture {
        try ServerFixture(
            manifest: manifest,
            files: ["data/users.csv": ServerFixture.csv + "\n", "data/clicks.csv": "user_id,event_timestamp,clicks\n"])
    }

    /// The server fixture's definitions, with the on-demand view `payment` and the service `scoring`.
    static var manifest: Manifest {
        var manifest = ServerFixture.manifest
        let amount = RequestField("amount", .float64)
        let time = RequestField("timestamp", .timestamp)
        manifest.onDemandFeatureViews = [
            OnDemandFeatureView(
                name: "payment", requestFields: [amount, time],
                features: [
                    Transformation("amount_log", .float64, log(amount.value + 1)),
                    Transformation("hour", .int64, hour(time.value)),
                    Transformation(
                        "ratio", .float64,
                        amount.value / .feature(FeatureReference(view: "user_stats", feature: "avg_amount"))),
                ])
        ]
        manifest.featureServices.append(
            FeatureService(
                name: "scoring",
                selections: [
                    FeatureSelection(featureView: "user_stats", features: ["tx_count"]),
                    FeatureSelection(featureView: "payment"),
                ]))
        return manifest
    }

    static func post(_ fixture: ServerFixture, _ request: String) async throws -> (HTTPResponse.Status, String) {
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/get-online-features", method: .post, body: body(request)) { response in
                (response.status, String(buffer: response.body))
            }
        }
    }

    @Test func requestFieldsNextToTheKeysOrInRequestData() async throws {
        let fixture = try Self.fixture()
        let (status, text) = try await Self.post(
            fixture,
            """
            {"entities": {"user_id": [1001, 1002], "amount": [13.5, 4], "timestamp": ["2026-01-05T22:10:00Z", "2026-01-05T03:00:00+02:00"]},
             "feature_service": "scoring"}
            """)
        #expect(status == .ok, "\(text)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let names = (object["metadata"] as? [String: Any])?["feature_names"] as? [String]
        #expect(names == ["user_id", "tx_count", "amount_log", "hour", "ratio"])
        let results = try #require(object["results"] as? [[String: Any]])
        // JSONSerialization may round the last digit; the bits are held by the facade's tests.
        let logs = try #require(results[2]["values"] as? [Double])
        #expect(abs(logs[0] - log(14.5)) < 1e-12 && abs(logs[1] - log(5.0)) < 1e-12)
        #expect(results[3]["values"] as? [Int] == [22, 1])
        #expect(results[4]["values"] as? [AnyHashable] == [13.5 / 7.25, NSNull()])
        #expect(results[4]["statuses"] as? [String] == ["PRESENT", "NULL_VALUE"])

        // The same fields in `request_data` (the timestamp as epoch seconds): the same answer.
        let (separateStatus, separate) = try await Self.post(
            fixture,
            """
            {"entities": {"user_id": [1001, 1002]}, "feature_service": "scoring",
             "request_data": {"amount": [13.5, 4], "timestamp": [1767651000, "2026-01-05T03:00:00+02:00"]}}
            """)
        #expect(separateStatus == .ok, "\(separate)")
        #expect(separate == text)
    }

    @Test(arguments: [
        (
            #"{"entities": {"user_id": [1001]}, "features": ["payment:hour"]}"#,
            "request field 'timestamp': is missing; an on-demand feature needs it (timestamp), as a column next to the entity keys or in 'request_data'"
        ),
        (
            #"{"entities": {"user_id": [1001], "timestamp": ["noon"]}, "features": ["payment:hour"]}"#,
            #"request field 'timestamp': value string "noon" at row 0 is not a timestamp"#
        ),
        (
            #"{"entities": {"user_id": [1001]}, "request_data": {"amount": ["12"]}, "features": ["payment:amount_log"]}"#,
            #"request field 'amount': value string "12" at row 0 is not a float64"#
        ),
        (
            #"{"entities": {"user_id": [1001, 1002]}, "request_data": {"amount": [1]}, "features": ["payment:amount_log"]}"#,
            "request field 'amount': has 1 values; the request has 2 entity rows"
        ),
    ])
    func aMissingOrMistypedFieldIs400(request: String, detail: String) async throws {
        let fixture = try Self.fixture()
        let (status, text) = try await Self.post(fixture, request)
        #expect(status == .badRequest)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["detail"] as? String == detail, "\(text)")
        #expect(object["error"] as? String == "invalid_request_data")
    }

    @Test func theCLIPrintsTheServersAnswer() async throws {
        let fixture = try Self.fixture()
        let cli = try await LarderExecutable.run([
            "get-online-features", "--repo", fixture.directory.path, "--service", "scoring", "--entity", "user_id=1001",
            "--entity", "user_id=1003", "--request", "amount=12.5,timestamp=2026-01-05T22:10:00Z",
            "--request", "amount=-1,timestamp=1969-12-31T23:00:00Z",
        ])
        #expect(cli.status == 0, "\(cli.standardError)")
        let (status, server) = try await Self.post(
            fixture,
            """
            {"entities": {"user_id": [1001, 1003]}, "feature_service": "scoring",
             "request_data": {"amount": [12.5, -1], "timestamp": ["2026-01-05T22:10:00Z", "1969-12-31T23:00:00Z"]}}
            """)
        #expect(status == .ok)
        let printed = cli.standardOutput.trimmingCharacters(in: .newlines).replacingOccurrences(of: "\n", with: "")
        #expect(printed == server)
    }
}
