import Foundation
import Larder
import LarderCore
import LarderFormats
import LarderStores
import LarderTestSupport
import Logging
import Testing

/// Served-feature logging: what a live server logs lands in the offline store with the values
/// and statuses it answered, is flushed by the graceful shutdown and read back by a new
/// process; a full queue drops and counts rather than holding requests; the sample rate holds.
@Suite struct FeatureLoggingTests {
    static func yaml(
        rate: Double = 1, capacity: Int = 100_000, batch: Int = 10_000, flushMilliseconds: Int = 1_000
    )
        -> String
    {
        """
        feature_logging:
          queue_capacity: \(capacity)
          batch_rows: \(batch)
          flush_interval_ms: \(flushMilliseconds)
          services:
            fraud_v1: {sample_rate: \(rate)}

        """
    }

    static let serviceRead = onlineRead(
        #"{"entities": {"user_id": [1001, 1002, 1003]}, "feature_service": "fraud_v1"}"#)
    static let oneRow = onlineRead(#"{"entities": {"user_id": [1001]}, "feature_service": "fraud_v1"}"#)

    /// Sends requests one after another on one connection; every answer must be a 200.
    static func send(_ request: String, times: Int, port: Int) async throws {
        let connection = try RawHTTPConnection(port: port)
        for _ in 0..<times {
            try await connection.send(request)
            let response = try await connection.response()
            #expect(response.status == 200, "\(response.body)")
        }
    }

    /// The `/metrics` text.
    static func metrics(port: Int) async throws -> String {
        try await RawHTTPConnection.answer("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n", port: port).body
    }

    /// The value of a sample in Prometheus text, by its name and labels as written.
    static func sample(_ text: String, _ series: String) -> Double? {
        text.split(separator: "\n").first { $0.hasPrefix(series + " ") }.flatMap { Double($0.split(separator: " ")[1]) }
    }

    @Test(arguments: [ServedStores.embedded, .memory])
    func servedRowsLandInTheOfflineStoreWithTheirValues(stores: ServedStores) async throws {
        let fixture = try ServerFixture(serverYAML: Self.yaml(), stores: stores)
        let start = Timestamp.now
        try await withLiveServer(fixture) { port in
            try await Self.send(Self.serviceRead, times: 2, port: port)
            // A read naming features, not a service, is not logged.
            try await Self.send(
                onlineRead(#"{"entities": {"user_id": [1001]}, "features": ["user_stats:tx_count"]}"#), times: 1,
                port: port)
        }
        let end = Timestamp.now
        let records = try fixture.store.loggedFeatureRecords(service: "fraud_v1", since: start)
        #expect(records.count == 6)
        #expect(
            records.map(\.entityValues) == [[.int64(1001)], [.int64(1002)], [.int64(1003)]] + [
                [.int64(1001)], [.int64(1002)], [.int64(1003)],
            ])
        #expect(records.map(\.entityRow) == [0, 1, 2, 0, 1, 2])
        #expect(Set(records.prefix(3).map(\.requestID)).count == 1)
        #expect(records[0].requestID != records[3].requestID)
        #expect(records.allSatisfy { $0.logTime >= start && $0.logTime <= end })
        #expect(records[0].featureNames == ["user_stats:avg_amount", "user_stats:tx_count"])
        #expect(
            records.prefix(3).map(\.values) == [[.float64(7.25), .int64(4)], [.null, .int64(9)], [.null, .null]])
        #expect(
            records.prefix(3).map(\.statuses) == [
                [.present, .present], [.nullValue, .present], [.notFound, .notFound],
            ])

        let table = try fixture.store.loggedFeatures(service: "fraud_v1", since: start).readAll()
        #expect(table.columns.map(\.name) == ["user_id", "request_id", "log_time", "avg_amount", "tx_count"])
        #expect(table.rowCount == 6)
        #expect((0..<3).map { table.column(named: "avg_amount")?.value(at: $0) } == [.float64(7.25), .null, .null])
        #expect((0..<3).map { table.column(named: "tx_count")?.value(at: $0) } == [.int64(4), .int64(9), .null])
        #expect(table.column(named: "log_time")?.value(at: 0) == .timestamp(records[0].logTime))
        #expect(try fixture.store.loggedFeatures(service: "fraud_v1", since: end).readAll().rowCount == 0)

        if stores == .embedded {
            // Another process opening the repository reads what the server logged.
            let reopened = try FeatureStore(repositoryPath: fixture.directory.path, logger: Logger(label: "reopened"))
            #expect(try reopened.loggedFeatureRecords(service: "fraud_v1", since: start) == records)
        }
    }

    @Test func aFullQueueDropsAndCountsWithoutHoldingRequests() async throws {
        // The writer only wakes at shutdown: two rows fit, the rest are dropped.
        let fixture = try ServerFixture(
            serverYAML: Self.yaml(capacity: 2, batch: 1_000, flushMilliseconds: 3_600_000))
        let start = Timestamp.now
        let text = try await withLiveServer(fixture) { port in
            let clock = ContinuousClock()
            let began = clock.now
            try await Self.send(Self.oneRow, times: 50, port: port)
            // Held requests would wait for the hourly flush; a loaded machine still answers 50 well inside this.
            #expect(clock.now - began < .seconds(120))
            return try await Self.metrics(port: port)
        }
        #expect(Self.sample(text, #"larder_feature_log_rows_total{outcome="dropped"}"#) == 48)
        #expect(Self.sample(text, #"larder_feature_log_rows_total{outcome="written"}"#) == 0)
        // The shutdown wrote the two that were waiting.
        #expect(try fixture.store.loggedFeatureRecords(service: "fraud_v1", since: start).count == 2)
    }

    @Test func underLoadEveryRowIsWrittenOrCountedAsDropped() async throws {
        let fixture = try ServerFixture(serverYAML: Self.yaml(capacity: 12, batch: 6, flushMilliseconds: 20))
        let start = Timestamp.now
        let (connections, requests) = (4, 60)
        let text = try await withLiveServer(fixture) { port in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<connections {
                    group.addTask { try await Self.send(Self.serviceRead, times: requests, port: port) }
                }
                try await group.waitForAll()
            }
            return try await Self.metrics(port: port)
        }
        let dropped = try #require(Self.sample(text, #"larder_feature_log_rows_total{outcome="dropped"}"#))
        let logged = try fixture.store.loggedFeatureRecords(service: "fraud_v1", since: start)
        #expect(logged.count + Int(dropped) == connections * requests * 3)
        #expect(logged.count % 3 == 0)
        #expect(logged.count > 0)
        let byRequest = Dictionary(grouping: logged, by: \.requestID)
        #expect(byRequest.values.allSatisfy { $0.map(\.entityRow).sorted() == [0, 1, 2] })
    }

    @Test func theSampleRateIsRespected() async throws {
        let fixture = try ServerFixture(serverYAML: Self.yaml(rate: 0.25))
        let start = Timestamp.now
        let requests = 800
        try await withLiveServer(fixture) { port in
            try await Self.send(Self.oneRow, times: requests, port: port)
        }
        // Binomial(800, 0.25): mean 200, standard deviation 12.2; five of them either side.
        let logged = try fixture.store.loggedFeatureRecords(service: "fraud_v1", since: start).count
        #expect((139...261).contains(logged), "\(logged) of \(requests) requests logged at rate 0.25")
    }
}
