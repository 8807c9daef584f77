import Foundation
import Hummingbird
import HummingbirdTesting
import Larder
import LarderCore
import LarderServer
import LarderTestSupport
import Testing

/// `larder get-online-features` and `POST /get-online-features` answer one read with the same
/// JSON: every value type, every status, NaN and both infinities.
@Suite struct CLIServerParityTests {
    static let features = ["b", "i32", "i64", "f32", "f64", "s", "by", "ts", "lf", "ls"]

    /// A view with a feature of every type (TTL one day): user 1 and 2 were pushed an hour
    /// ago (non-finite floats, nulls), user 3 three days ago, user 4 never.
    static func fixture() throws -> ServerFixture {
        let user = Entity("user", joinKey: "user_id")
        let everything = FeatureView(
            "everything", entities: [user], ttl: .days(1),
            source: FileSource("data/everything.csv", timestamp: "event_timestamp")
        ) {
            Field("b", .bool)
            Field("i32", .int32)
            Field("i64", .int64)
            Field("f32", .float32)
            Field("f64", .float64)
            Field("s", .string)
            Field("by", .bytes)
            Field("ts", .timestamp)
            Field("lf", .list(.float32))
            Field("ls", .list(.string))
        }
        let fixture = try ServerFixture(
            manifest: FeatureRepository {
                user
                everything
            }.manifest,
            files: ["data/everything.csv": "user_id,event_timestamp," + features.joined(separator: ",") + "\n"])
        let now = Timestamp.now
        let hourAgo = Value.timestamp(now - .seconds(3600))
        try fixture.store.writeToOnlineStore(
            view: "everything",
            columns: PushColumns([
                "user_id": [.int64(1), .int64(2), .int64(3)],
                "event_timestamp": [hourAgo, hourAgo, .timestamp(now - .seconds(3 * 86_400))],
                "b": [.bool(true), .bool(false), .bool(true)],
                "i32": [.int32(-7), .int32(Int32.max), .int32(1)],
                "i64": [.int64(Int64.min), .int64(42), .int64(1)],
                "f32": [.float32(.infinity), .float32(.nan), .float32(1.5)],
                "f64": [.float64(.nan), .float64(-.infinity), .float64(0.1)],
                "s": [.string("quote \" backslash \\ line\nend é"), .null, .string("old")],
                "by": [.bytes([0, 1, 255]), .null, .bytes([1])],
                "ts": [.timestamp(Timestamp(nanosecondsSinceEpoch: 1_714_979_289_500_000_000)), .null, hourAgo],
                "lf": [.list([.float32(1.25), .float32(-.infinity)]), .list([]), .null],
                "ls": [.list([.string("a"), .string("b\"c")]), .null, .list([.string("x")])],
            ]))
        return fixture
    }

    @Test func theCLIPrintsTheServersAnswer() async throws {
        let fixture = try Self.fixture()
        let references = Self.features.map { "everything:\($0)" }
        let cli = try await LarderExecutable.run([
            "get-online-features", "--repo", fixture.directory.path, "--features", references.joined(separator: ","),
            "--entity", "user_id=1", "--entity", "user_id=2", "--entity", "user_id=3", "--entity", "user_id=4",
        ])
        #expect(cli.status == 0, "\(cli.standardError)")
        let request = """
            {"entities": {"user_id": [1, 2, 3, 4]}, "features": [\(references.map { "\"\($0)\"" }.joined(separator: ","))]}
            """
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/get-online-features", method: .post, body: body(request)) { response in
                #expect(response.status == .ok)
                let server = String(buffer: response.body)
                // The CLI starts each column on its own line; nothing else differs.
                let printed = cli.standardOutput.trimmingCharacters(in: .newlines).replacingOccurrences(
                    of: "\n", with: "")
                #expect(printed == server)

                let results = try #require(try json(response)["results"] as? [[String: Any]])
                let statuses = results.map { $0["statuses"] as? [String] ?? [] }
                #expect(statuses[0] == ["PRESENT", "PRESENT", "PRESENT", "PRESENT"])
                #expect(statuses[6] == ["PRESENT", "NULL_VALUE", "OUTSIDE_MAX_AGE", "NOT_FOUND"])
                #expect(
                    results[0]["event_timestamps"] as? [String] == Array(repeating: "1970-01-01T00:00:00Z", count: 4))
                #expect(results[4]["values"] as? [AnyHashable] == ["Infinity", "NaN", NSNull(), NSNull()])
                #expect(results[5]["values"] as? [AnyHashable] == ["NaN", "-Infinity", NSNull(), NSNull()])
                #expect(results[8]["values"] as? [AnyHashable] == [1_714_979_289, NSNull(), NSNull(), NSNull()])
                #expect(results[7]["values"] as? [AnyHashable] == ["AAH/", NSNull(), NSNull(), NSNull()])
            }
        }
    }
}
