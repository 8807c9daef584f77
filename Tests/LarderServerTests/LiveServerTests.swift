import Foundation
import Hummingbird
import HummingbirdTesting
import Larder
import LarderCore
import LarderServer
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
                    let results = try #require(try json(response)["results"] as? [[String: Any]])
                    #expect(results.map { ($0["values"] as? [Any])?.count } == [1, 1, 1])
                }
            }
            try await client.execute(uri: "/health", method: .get) { #expect($0.status == .ok) }
        }
    }

    @Test func feastsRemoteOnlineStoreReadsTheSameValuesAsLarder() async throws {
        guard let python = Self.pythonWithFeast() else {
            print("skipping the Feast interoperability test: `python3 -c 'import feast'` fails (pip install feast)")
            return
        }
        let fixture = try ServerFixture()
        let users: [Int64] = [1001, 1002, 1003]
        let references = ["user_stats:avg_amount", "user_stats:tx_count"]
        let larder = try fixture.store.getOnlineFeatures(
            features: references.map { try FeatureReference(parsing: $0) },
            entities: [EntityColumn(name: "user_id", values: users.map(Value.int64))])
        let expected: [String: Any] = [
            "entities": ["user_id": users.map { Int($0) }],
            "features": references,
            "values": Dictionary(uniqueKeysWithValues: zip(larder.featureNames, larder.columns).dropFirst().map { name, column in
                (name, column.values.map(Self.jsonValue))
            }),
        ]
        let expectedFile = fixture.directory.url.appendingPathComponent("expected.json")
        try JSONSerialization.data(withJSONObject: expected).write(to: expectedFile)
        let script = Self.repositoryRoot.appendingPathComponent("tools/interop/feast_remote_client.py").path
        try await fixture.application().test(.live) { client in
            let port = try #require(client.port)
            let (status, output) = try await Self.run(python, [script, "http://127.0.0.1:\(port)", expectedFile.path])
            #expect(status == 0, "feast client output:\n\(output)")
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

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// `python3` when it can import feast.
    static func pythonWithFeast() -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import feast"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        return process.terminationStatus == 0 ? "python3" : nil
    }

    /// Runs a Python script off the test's executor; returns its status and combined output.
    static func run(_ python: String, _ arguments: [String]) async throws -> (Int32, String) {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                process.arguments = [python] + arguments
                let pipe = Pipe()
                process.standardOutput = pipe
                process.standardError = pipe
                do {
                    try process.run()
                } catch {
                    continuation.resume(throwing: error)
                    return
                }
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                continuation.resume(returning: (process.terminationStatus, String(decoding: data, as: UTF8.self)))
            }
        }
    }
}
