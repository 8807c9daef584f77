import LarderCore
import LarderFormats
import LarderStores
import LarderOffline
import Testing

/// The point-in-time rules of DESIGN.md, one hand-checked case each.
@Suite struct PointInTimeJoinSemanticsTests {
    static let cases: [JoinCase] = [
        JoinCase(
            name: "a row at exactly the entity's time is visible; one a microsecond later is not",
            views: [
                .userStats([
                    [.int64(1), ts("2025-01-01T10:00:00Z"), ts("2025-01-01T10:00:00Z"), .float64(1.5), .int64(1)],
                    [
                        .int64(1), ts("2025-01-01T10:00:00.000001Z"), ts("2025-01-01T10:00:01Z"), .float64(9.5),
                        .int64(9),
                    ],
                ])
            ],
            entityRows: [
                [.int64(1), ts("2025-01-01T10:00:00Z"), .int64(0)],
                [.int64(1), ts("2025-01-01T09:59:59.999999Z"), .int64(1)],
            ],
            requests: [("user_stats", ["amount", "count"])],
            expected: [[.float64(1.5), .int64(1)], [.null, .null]]),
        JoinCase(
            name: "equal event times: the later creation time wins, whatever the file order",
            views: [
                .userStats([
                    [.int64(1), ts("2025-01-01T10:00:00Z"), ts("2025-01-01T11:00:00Z"), .float64(1), .int64(1)],
                    [.int64(1), ts("2025-01-01T10:00:00Z"), ts("2025-01-01T10:30:00Z"), .float64(2), .int64(2)],
                ])
            ],
            entityRows: [[.int64(1), ts("2025-01-01T12:00:00Z"), .int64(0)]],
            requests: [("user_stats", ["amount"])],
            expected: [[.float64(1)]]),
        JoinCase(
            name: "equal event and creation times: the row ingested last wins",
            views: [
                .userStats([
                    [.int64(1), ts("2025-01-01T10:00:00Z"), ts("2025-01-01T10:00:00Z"), .float64(1), .int64(1)],
                    [.int64(1), ts("2025-01-01T10:00:00Z"), ts("2025-01-01T10:00:00Z"), .float64(2), .int64(2)],
                    [.int64(1), ts("2025-01-01T10:00:00Z"), ts("2025-01-01T10:00:00Z"), .float64(3), .int64(3)],
                    [.int64(2), ts("2025-01-01T10:00:00Z"), .null, .float64(4), .int64(4)],
                    [.int64(2), ts("2025-01-01T10:00:00Z"), .null, .float64(5), .int64(5)],
                ])
            ],
            entityRows: [
                [.int64(1), ts("2025-01-01T12:00:00Z"), .int64(0)], [.int64(2), ts("2025-01-01T12:00:00Z"), .int64(0)],
            ],
            requests: [("user_stats", ["count"])],
            expected: [[.int64(3)], [.int64(5)]]),
        JoinCase(
            name: "the latest event time wins over a later creation time and later ingestion",
            views: [
                .userStats([
                    [.int64(1), ts("2025-01-01T10:00:00Z"), ts("2025-01-01T10:00:00Z"), .float64(1), .int64(1)],
                    [.int64(1), ts("2025-01-01T09:00:00Z"), ts("2025-01-01T23:00:00Z"), .float64(2), .int64(2)],
                    [.int64(1), ts("2025-01-01T13:00:00Z"), ts("2025-01-01T13:00:00Z"), .float64(3), .int64(3)],
                ])
            ],
            entityRows: [[.int64(1), ts("2025-01-01T12:00:00Z"), .int64(0)]],
            requests: [("user_stats", ["count"])],
            expected: [[.int64(1)]]),
        JoinCase(
            name: "the TTL bound is inclusive: exactly TTL old is visible, a microsecond older is not",
            views: [
                .userStats(
                    ttl: .days(1),
                    [
                        [.int64(1), ts("2025-01-01T10:00:00Z"), ts("2025-01-01T10:00:00Z"), .float64(1), .int64(1)]
                    ])
            ],
            entityRows: [
                [.int64(1), ts("2025-01-02T10:00:00Z"), .int64(0)],
                [.int64(1), ts("2025-01-02T10:00:00.000001Z"), .int64(0)],
            ],
            requests: [("user_stats", ["amount"])],
            expected: [[.float64(1)], [.null]]),
        JoinCase(
            name: "no TTL looks back without limit",
            views: [
                .userStats(
                    ttl: nil,
                    [
                        [.int64(1), ts("2020-01-01T00:00:00Z"), ts("2020-01-01T00:00:00Z"), .float64(1), .int64(1)]
                    ])
            ],
            entityRows: [[.int64(1), ts("2025-06-01T00:00:00Z"), .int64(0)]],
            requests: [("user_stats", ["amount"])],
            expected: [[.float64(1)]]),
        JoinCase(
            name: "a zero TTL also looks back without limit",
            views: [
                .userStats(
                    ttl: .zero,
                    [
                        [.int64(1), ts("2020-01-01T00:00:00Z"), ts("2020-01-01T00:00:00Z"), .float64(1), .int64(1)]
                    ])
            ],
            entityRows: [[.int64(1), ts("2025-06-01T00:00:00Z"), .int64(0)]],
            requests: [("user_stats", ["amount"])],
            expected: [[.float64(1)]]),
        JoinCase(
            name: "an entity row before any feature row, or of an unknown key, gets nulls",
            views: [
                .userStats([
                    [.int64(1), ts("2025-01-05T00:00:00Z"), ts("2025-01-05T00:00:00Z"), .float64(1), .int64(1)]
                ])
            ],
            entityRows: [
                [.int64(1), ts("2025-01-04T00:00:00Z"), .int64(0)], [.int64(7), ts("2025-01-05T00:00:00Z"), .int64(1)],
            ],
            requests: [("user_stats", ["amount", "count"])],
            expected: [[.null, .null], [.null, .null]]),
        JoinCase(
            name: "duplicate entity rows are all kept, in input order",
            views: [
                .userStats([
                    [.int64(1), ts("2025-01-01T10:00:00Z"), ts("2025-01-01T10:00:00Z"), .float64(1), .int64(1)],
                    [.int64(2), ts("2025-01-01T10:00:00Z"), ts("2025-01-01T10:00:00Z"), .float64(2), .int64(2)],
                ])
            ],
            entityRows: [
                [.int64(2), ts("2025-01-01T11:00:00Z"), .int64(0)],
                [.int64(1), ts("2025-01-01T11:00:00Z"), .int64(1)],
                [.int64(2), ts("2025-01-01T11:00:00Z"), .int64(0)],
                [.int64(2), ts("2025-01-01T11:00:00Z"), .int64(0)],
                [.int64(1), ts("2025-01-01T09:00:00Z"), .int64(1)],
            ],
            requests: [("user_stats", ["count"])],
            expected: [[.int64(2)], [.int64(1)], [.int64(2)], [.int64(2)], [.null]]),
        JoinCase(
            name: "composite keys match on every part",
            views: [
                .userMerchant([
                    [.int64(1), .string("a"), ts("2025-01-01T10:00:00Z"), .int64(10)],
                    [.int64(1), .string("b"), ts("2025-01-01T10:00:00Z"), .int64(20)],
                    [.int64(2), .string("a"), ts("2025-01-01T10:00:00Z"), .int64(30)],
                ])
            ],
            entityColumns: [("user_id", .int64), ("merchant_id", .string), ("event_timestamp", .micros)],
            entityRows: [
                [.int64(1), .string("b"), ts("2025-01-01T11:00:00Z")],
                [.int64(2), .string("a"), ts("2025-01-01T11:00:00Z")],
                [.int64(2), .string("b"), ts("2025-01-01T11:00:00Z")],
            ],
            requests: [("user_merchant", ["visits"])],
            expected: [[.int64(20)], [.int64(30)], [.null]]),
        JoinCase(
            name: "string keys, including an empty one, compare exactly",
            views: [
                .merchantStats([
                    [.string("m1"), ts("2025-01-01T10:00:00Z"), .float64(0.1)],
                    [.string("M1"), ts("2025-01-01T10:00:00Z"), .float64(0.2)],
                    [.string(""), ts("2025-01-01T10:00:00Z"), .float64(0.3)],
                ])
            ],
            entityColumns: [("merchant_id", .string), ("event_timestamp", .micros)],
            entityRows: [
                [.string("M1"), ts("2025-01-01T10:00:00Z")], [.string(""), ts("2025-01-01T10:00:00Z")],
                [.string("m1 "), ts("2025-01-01T10:00:00Z")],
            ],
            requests: [("merchant_stats", ["risk"])],
            expected: [[.float64(0.2)], [.float64(0.3)], [.null]]),
        JoinCase(
            name: "a null in the winning row stays null; no fall-back to an older row",
            views: [
                .userStats([
                    [.int64(1), ts("2025-01-01T08:00:00Z"), ts("2025-01-01T08:00:00Z"), .float64(1), .int64(1)],
                    [.int64(1), ts("2025-01-01T10:00:00Z"), ts("2025-01-01T10:00:00Z"), .null, .int64(2)],
                ])
            ],
            entityRows: [[.int64(1), ts("2025-01-01T11:00:00Z"), .int64(0)]],
            requests: [("user_stats", ["amount", "count"])],
            expected: [[.null, .int64(2)]]),
        JoinCase(
            name: "entity times with offsets compare as UTC instants",
            views: [
                .userStats([
                    [.int64(1), ts("2025-01-01T10:00:00Z"), ts("2025-01-01T10:00:00Z"), .float64(1), .int64(1)],
                    [.int64(1), ts("2025-01-01T10:00:01Z"), ts("2025-01-01T10:00:01Z"), .float64(2), .int64(2)],
                ])
            ],
            entityRows: [
                [.int64(1), ts("2025-01-01T12:00:00+02:00"), .int64(0)],
                [.int64(1), ts("2025-01-01T05:00:00-05:00"), .int64(0)],
                [.int64(1), ts("2025-01-01T09:59:59+00:00"), .int64(0)],
            ],
            requests: [("user_stats", ["count"])],
            expected: [[.int64(1)], [.int64(1)], [.null]]),
        JoinCase(
            name: "several views, each on its own keys, features in requested order",
            views: [
                .userStats([
                    [.int64(1), ts("2025-01-01T10:00:00Z"), ts("2025-01-01T10:00:00Z"), .float64(1), .int64(1)]
                ]),
                .merchantStats([
                    [.string("m1"), ts("2024-01-01T00:00:00Z"), .float64(0.5)],
                    [.string("m2"), ts("2025-01-01T10:30:00Z"), .float64(0.7)],
                ]),
            ],
            entityColumns: [("merchant_id", .string), ("user_id", .int64), ("event_timestamp", .micros)],
            entityRows: [
                [.string("m1"), .int64(1), ts("2025-01-01T11:00:00Z")],
                [.string("m2"), .int64(1), ts("2025-01-01T10:15:00Z")],
            ],
            requests: [("merchant_stats", ["risk"]), ("user_stats", ["count", "amount"])],
            expected: [[.float64(0.5), .int64(1), .float64(1)], [.null, .int64(1), .float64(1)]]),
        JoinCase(
            name: "an int32 entity key matches an int64 join key; a null key or time gets nulls",
            views: [
                .userStats([
                    [.int64(1), ts("2025-01-01T10:00:00Z"), ts("2025-01-01T10:00:00Z"), .float64(1), .int64(1)]
                ])
            ],
            entityColumns: [("user_id", .int32), ("event_timestamp", .micros)],
            entityRows: [
                [.int32(1), ts("2025-01-01T11:00:00Z")], [.null, ts("2025-01-01T11:00:00Z")], [.int32(1), .null],
            ],
            requests: [("user_stats", ["count"])],
            expected: [[.int64(1)], [.null], [.null]]),
    ]

    /// Every case on every backend of the offline conformance suite.
    @Test(arguments: cases, OfflineBackend.all)
    func join(_ joinCase: JoinCase, _ backend: OfflineBackend) throws {
        let fixture = try StoreFixture()
        let (rows, names) = try joinCase.run(in: fixture, backend: backend)
        let entityCount = joinCase.entityColumns.count
        #expect(names.prefix(entityCount).elementsEqual(joinCase.entityColumns.map(\.0)))
        #expect(rows.map { Array($0.prefix(entityCount)) } == joinCase.entityRows)
        #expect(rows.map { Array($0.dropFirst(entityCount)) } == joinCase.expected)
    }
}
