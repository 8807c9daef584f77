import Foundation
import Hummingbird
import HummingbirdTesting
import Larder
import LarderCore
import LarderServer
import LarderTestSupport
import Testing

/// Against a real listening server: a keep-alive client, and Feast's own SDK.
@Suite struct LiveServerTests {
    @Test func aRealServerAnswersOverTCP() async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.live) { client in
            #expect(client.port != nil)
            for _ in 0..<3 {
                let read = #"{"entities": {"user_id": [1001]}, "feature_service": "fraud_v1"}"#
                try await client.execute(uri: "/get-online-features", method: .post, body: body(read)) { response in
                    #expect(response.status == .ok)
                    try OnlineFeaturesPipelineTests.expectLatestRowOfUser1001(try json(response))
                }
            }
            try await client.execute(uri: "/health", method: .get) { #expect($0.status == .ok) }
        }
    }

    /// Needs Feast in `python3` (`tools/install-deps.sh` installs it, and CI runs that); without
    /// it the test fails, naming what is missing.
    @Test func feastsRemoteOnlineStoreReadsTheSameValuesAsLarder() async throws {
        let feast = try await Python.output(["-c", "import feast"])
        try #require(feast.succeeded, "Feast is not installed (run tools/install-deps.sh): \(feast)")
        let fixture = try ServerFixture()
        let users: [Int64] = [1001, 1002, 1003]
        let references = ["user_stats:avg_amount", "user_stats:tx_count"]
        let larder = try fixture.store.getOnlineFeatures(
            features: references.map { try FeatureReference(parsing: $0) },
            entities: [EntityColumn(name: "user_id", values: users.map(Value.int64))])
        let expected: [String: Any] = [
            "entities": ["user_id": users.map { Int($0) }],
            "features": references,
            "values": Dictionary(
                uniqueKeysWithValues: zip(larder.featureNames, larder.columns).dropFirst().map { name, column in
                    (name, column.values.map(Self.jsonValue))
                }),
        ]
        let expectedFile = fixture.directory.url.appendingPathComponent("expected.json")
        try JSONSerialization.data(withJSONObject: expected).write(to: expectedFile)
        let script = RepositoryFiles.path("tools/interop/feast_remote_client.py")
        try await fixture.application().test(.live) { client in
            let port = try #require(client.port)
            let read = try await Python.output([script, "http://127.0.0.1:\(port)", expectedFile.path])
            #expect(read.succeeded, "feast client: \(read)")
        }
    }

    static func jsonValue(_ value: Value) -> Any {
        switch value {
        case .int64(let v): return Int(v)
        case .int32(let v): return Int(v)
        case .float64(let v): return v
        case .float32(let v): return Double(v)
        case .string(let v): return v
        case .bool(let v): return v
        default: return NSNull()
        }
    }
}
