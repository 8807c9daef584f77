import LarderCore
import LarderOffline
import LarderStores
import Testing

/// The served-feature log every offline store keeps: rows come back as they were appended,
/// with every value type and status, filtered by service and log time and ordered by log time;
/// a malformed batch appends nothing; a new connection to the store reads what an earlier one
/// wrote.
@Suite struct FeatureLogConformanceTests {
    static let noon = Timestamp(parsing: "2026-12-07T12:00:00Z")!

    static func record(
        service: String = "fraud_v1", request: String, row: Int = 0, seconds: Int64, values: [Value],
        statuses: [FeatureStatus]
    ) -> FeatureLogRecord {
        FeatureLogRecord(
            service: service, requestID: request,
            logTime: Timestamp(nanosecondsSinceEpoch: noon.nanosecondsSinceEpoch + seconds * 1_000_000_000 + 123),
            entityRow: row, entityNames: ["user_id", "merchant"], entityValues: [.int64(Int64(row) + 1), .string("m")],
            featureNames: values.indices.map { "view:f\($0)" }, values: values, statuses: statuses)
    }

    /// Every kind of value, including the awkward ones.
    static let everyValue: [Value] = [
        .null, .bool(true), .int32(-7), .int64(.min), .float32(1.5), .float64(-0.1), .string("tab\tnewline\n\"é\""),
        .bytes([0, 255, 92]), .timestamp(Timestamp(nanosecondsSinceEpoch: -1)),
        .list([.float32(0.25), .null, .float32(-3)]), .string(""),
    ]

    static var everyStatus: [FeatureStatus] {
        everyValue.indices.map { FeatureStatus.allCases[$0 % FeatureStatus.allCases.count] }
    }

    private func scan(_ store: any OfflineStore, _ service: String, since: Timestamp) throws -> [FeatureLogRecord] {
        var records: [FeatureLogRecord] = []
        let count = try store.scanFeatureLog(service: service, since: since) { records.append($0) }
        #expect(count == records.count)
        return records
    }

    @Test(arguments: OfflineBackend.stores)
    func loggedRowsComeBackAsAppended(backend: OfflineBackend) throws {
        let fixture = try StoreFixture()
        let store = try fixture.store(backend)
        #expect(try scan(store, "fraud_v1", since: Self.noon).isEmpty)

        let late = Self.record(request: "b", seconds: 10, values: Self.everyValue, statuses: Self.everyStatus)
        let early = [0, 1].map {
            Self.record(request: "a", row: $0, seconds: 1, values: [.float64(Double($0))], statuses: [.present])
        }
        let other = Self.record(service: "other", request: "c", seconds: 5, values: [.null], statuses: [.notFound])
        let before = Self.record(request: "z", seconds: -1, values: [.int64(1)], statuses: [.present])
        #expect(try store.appendFeatureLog([late, other]) == 2)
        #expect(try store.appendFeatureLog(early + [before]) == 3)
        #expect(try store.appendFeatureLog([]) == 0)

        #expect(try scan(store, "fraud_v1", since: Self.noon) == early + [late])
        #expect(try scan(store, "fraud_v1", since: late.logTime) == [late])
        #expect(
            try scan(store, "fraud_v1", since: Timestamp(nanosecondsSinceEpoch: late.logTime.nanosecondsSinceEpoch + 1))
                .isEmpty)
        #expect(try scan(store, "other", since: Self.noon) == [other])
        #expect(try scan(store, "unknown", since: Self.noon).isEmpty)
    }

    @Test(arguments: OfflineBackend.stores)
    func aMalformedBatchAppendsNothing(backend: OfflineBackend) throws {
        let fixture = try StoreFixture()
        let store = try fixture.store(backend)
        let good = Self.record(request: "a", seconds: 1, values: [.int64(1)], statuses: [.present])
        var bad = Self.record(request: "b", seconds: 2, values: [.int64(1), .int64(2)], statuses: [.present])
        bad.featureNames = ["view:f0"]
        let error = try #require(throws: OfflineStoreError.self) { try store.appendFeatureLog([good, bad]) }
        #expect(error.kind == .invalidRequest)
        #expect(error.message.contains("request 'b'"))
        #expect(try scan(store, "fraud_v1", since: Self.noon).isEmpty)
    }

    @Test(arguments: OfflineBackend.stores.filter { if case .memory = $0 { false } else { true } })
    func anotherConnectionReadsTheLog(backend: OfflineBackend) throws {
        let fixture = try StoreFixture()
        let written = (0..<3).map {
            Self.record(request: "r\($0)", seconds: Int64($0), values: [.string("v\($0)")], statuses: [.present])
        }
        try fixture.store(backend).appendFeatureLog(written)
        let another: any OfflineStore
        switch backend {
        case .postgres: another = try fixture.openPostgres()
        default: another = try fixture.openAnotherStore()
        }
        #expect(try scan(another, "fraud_v1", since: Self.noon) == written)
    }
}
