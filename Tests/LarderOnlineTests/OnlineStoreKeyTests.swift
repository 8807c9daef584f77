import LarderCore
import LarderStores
import LarderOnline
import LarderTestSupport
import Testing

@Suite("Entity keys and feature references")
struct OnlineStoreKeyTests {
    /// A view keyed by a string and an int32, to check multi-part keys.
    static let merchantUser = OnlineViewSchema(
        name: "merchant_user",
        joinKeys: [OnlineColumn(name: "merchant", type: .string), OnlineColumn(name: "user_id", type: .int32)],
        features: [OnlineColumn(name: "visits", type: .int64)])

    @Test(
        "An entity value of the wrong type is an error naming the key",
        arguments: [Value.string("1001"), .float64(1001), .null, .bool(true)])
    func wrongKeyType(value: Value) throws {
        let directory = try TemporaryDirectory()
        let store = try Fixtures.store(in: directory)
        try store.write(view: Fixtures.userStats, rows: [Fixtures.userRow(1001)])

        let error = try #require(throws: OnlineStoreError.self) {
            try store.read(
                view: Fixtures.userStats, features: ["tx_count"], entityKeys: [[.int64(1)], [value]], now: Fixtures.now)
        }

        #expect(error.kind == .invalidEntityKey)
        #expect(error.message.contains("'user_id'"))
    }

    @Test("A wrong key type is reported even while the view has no data")
    func wrongKeyTypeOnEmptyView() throws {
        let directory = try TemporaryDirectory()
        let store = try Fixtures.store(in: directory)
        let error = try #require(throws: OnlineStoreError.self) {
            try store.read(
                view: Fixtures.userStats, features: ["tx_count"], entityKeys: [[.string("x")]], now: Fixtures.now)
        }
        #expect(error.message.contains("'user_id'") && error.message.contains("int64"))
    }

    @Test("A key with the wrong number of parts is an error naming the join keys")
    func wrongKeyCount() throws {
        let directory = try TemporaryDirectory()
        let store = try Fixtures.store(in: directory)
        let error = try #require(throws: OnlineStoreError.self) {
            try store.read(
                view: Self.merchantUser, features: ["visits"], entityKeys: [[.string("shop")]], now: Fixtures.now)
        }
        #expect(error.kind == .invalidEntityKey)
        #expect(error.message.contains("'merchant', 'user_id'"))
    }

    @Test("A feature that is not in the view is an error naming it")
    func unknownFeature() throws {
        let directory = try TemporaryDirectory()
        let store = try Fixtures.store(in: directory)
        let error = try #require(throws: OnlineStoreError.self) {
            try store.readPlan(view: Fixtures.userStats, features: ["tx_count", "tx_cuont"])
        }
        #expect(error.kind == .unknownFeature)
        #expect(error.message.contains("'tx_cuont'") && error.message.contains("'user_stats'"))
    }

    @Test("Multi-part keys keep their parts apart, and an int64 that fits is accepted for an int32 key")
    func multiPartKeys() throws {
        let directory = try TemporaryDirectory()
        let store = try Fixtures.store(in: directory)
        let rows = [
            StoredRow(joinKeys: [.string("ab"), .int32(1)], eventTimestamp: Fixtures.now, features: [.int64(1)]),
            StoredRow(joinKeys: [.string("a"), .int32(1)], eventTimestamp: Fixtures.now, features: [.int64(2)]),
            StoredRow(joinKeys: [.string(""), .int32(-1)], eventTimestamp: Fixtures.now, features: [.int64(3)]),
        ]
        try store.write(view: Self.merchantUser, rows: rows)

        let keys: [[Value]] = [
            [.string("a"), .int64(1)], [.string("ab"), .int32(1)], [.string(""), .int32(-1)],
            [.string("b"), .int32(1)],
        ]
        let result = try store.read(view: Self.merchantUser, features: ["visits"], entityKeys: keys, now: Fixtures.now)

        #expect(result.values == [.int64(2), .int64(1), .int64(3), .null])
        let tooBig = try #require(throws: OnlineStoreError.self) {
            try store.read(
                view: Self.merchantUser, features: ["visits"], entityKeys: [[.string("a"), .int64(1 << 40)]],
                now: Fixtures.now)
        }
        #expect(tooBig.message.contains("'user_id'"))
    }

    @Test("A key longer than LMDB allows is an error naming the view")
    func keyTooLong() throws {
        let directory = try TemporaryDirectory()
        let store = try Fixtures.store(in: directory)
        let row = StoredRow(
            joinKeys: [.string(String(repeating: "x", count: 600)), .int32(1)], eventTimestamp: Fixtures.now,
            features: [.int64(1)])
        let error = try #require(throws: OnlineStoreError.self) {
            try store.write(view: Self.merchantUser, rows: [row])
        }
        #expect(error.kind == .invalidEntityKey)
        #expect(error.message.contains("'merchant_user'"))
    }

    @Test(
        "A join key of a type that cannot be a key is rejected with the schema",
        arguments: [ValueType.float64, .list(.int64)])
    func unsupportedKeyType(type: ValueType) throws {
        let directory = try TemporaryDirectory()
        let store = try Fixtures.store(in: directory)
        let view = OnlineViewSchema(name: "v", joinKeys: [OnlineColumn(name: "k", type: type)], features: [])
        let error = try #require(throws: OnlineStoreError.self) { try store.readPlan(view: view, features: []) }
        #expect(error.kind == .invalidSchema)
        #expect(error.message.contains("'k'"))
    }
}
