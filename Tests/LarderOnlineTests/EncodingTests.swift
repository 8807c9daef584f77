import LarderCore
import LarderStores
@testable import LarderOnline
import LarderTestSupport
import Testing

@Suite("Key and value encodings")
struct EncodingTests {
    @Test("Keys are encoded as docs/online-store.md describes")
    func keyBytes() throws {
        let columns = [
            OnlineColumn(name: "user_id", type: .int64), OnlineColumn(name: "shop", type: .string),
            OnlineColumn(name: "n", type: .int32),
        ]
        let values: [Value] = [.int64(1001), .string("hé"), .int32(-2)]
        var key: [UInt8] = []
        try EntityKeyCodec.appendKey(columns: columns, view: "v", count: 3, to: &key) { values[$0] }
        #expect(key == [0x01, 0x80, 0, 0, 0, 0, 0, 0x03, 0xE9, 0x03, 0x68, 0xC3, 0xA9, 0x7F, 0xFF, 0xFF, 0xFE])
    }

    @Test("Integer keys sort in numeric order as bytes")
    func keyOrder() throws {
        let column = [OnlineColumn(name: "k", type: .int64)]
        let numbers: [Int64] = [.min, -300, -1, 0, 1, 255, 256, .max]
        let keys = try numbers.map { number in
            var key: [UInt8] = []
            try EntityKeyCodec.appendKey(columns: column, view: "v", count: 1, to: &key) { _ in .int64(number) }
            return key
        }
        #expect(keys == keys.sorted { $0.lexicographicallyPrecedes($1) })
    }

    @Test("Stored rows are encoded as docs/online-store.md describes")
    func valueBytes() throws {
        let features = [
            OnlineColumn(name: "a", type: .int64), OnlineColumn(name: "b", type: .float64),
            OnlineColumn(name: "c", type: .string),
            OnlineColumn(name: "d", type: .list(.int32)), OnlineColumn(name: "e", type: .bool),
        ]
        let row = StoredRow(
            joinKeys: [], eventTimestamp: Timestamp(nanosecondsSinceEpoch: 0x0102),
            createdTimestamp: Timestamp(nanosecondsSinceEpoch: 3),
            features: [.int64(5), .null, .string("hé"), .list([.int32(1), .null, .int32(2)]), .bool(true)])
        var bytes: [UInt8] = []
        try ValueRecordCodec.appendRecord(row, features: features, view: "v", index: 0, to: &bytes)
        #expect(
            bytes == [
                0x01, 0x01, 0x02, 0x01, 0, 0, 0, 0, 0, 0, 0x03, 0, 0, 0, 0, 0, 0, 0,
                0b0000_0010,
                0x05, 0, 0, 0, 0, 0, 0, 0,
                0x03, 0x68, 0xC3, 0xA9,
                0x03, 0b0000_0010, 0x01, 0, 0, 0, 0x02, 0, 0, 0,
                0x01,
            ])
    }

    /// A view with a feature of every type.
    static let everyType = OnlineViewSchema(
        name: "every_type",
        joinKeys: [
            OnlineColumn(name: "id", type: .string), OnlineColumn(name: "at", type: .timestamp),
            OnlineColumn(name: "flag", type: .bool), OnlineColumn(name: "raw", type: .bytes),
        ],
        features: [
            OnlineColumn(name: "b", type: .bool), OnlineColumn(name: "i32", type: .int32),
            OnlineColumn(name: "i64", type: .int64),
            OnlineColumn(name: "f32", type: .float32), OnlineColumn(name: "f64", type: .float64),
            OnlineColumn(name: "s", type: .string),
            OnlineColumn(name: "bytes", type: .bytes), OnlineColumn(name: "ts", type: .timestamp),
            OnlineColumn(name: "embedding", type: .list(.float32)), OnlineColumn(name: "tags", type: .list(.string)),
        ])

    @Test("Every type round-trips through the store, in any requested order and subset")
    func roundTrip() throws {
        let directory = try TemporaryDirectory()
        let store = try Fixtures.store(in: directory)
        let values: [Value] = [
            .bool(false), .int32(.min), .int64(.max), .float32(-.infinity), .float64(-0.0),
            .string(String(repeating: "ü", count: 200)),
            .bytes([0, 255, 7]), .timestamp(Timestamp(parsing: "1969-07-20T20:17:40.123456789Z")!),
            .list([.float32(0.5), .null, .float32(-1)]), .list([]),
        ]
        let key: [Value] = [.string("k"), .timestamp(Fixtures.now), .bool(true), .bytes([1, 2])]
        try store.write(
            view: Self.everyType, rows: [StoredRow(joinKeys: key, eventTimestamp: Fixtures.now, features: values)])

        let all = try store.read(
            view: Self.everyType, features: Self.everyType.features.map(\.name), entityKeys: [key], now: Fixtures.now)
        #expect(all.values == values)
        let some = try store.read(
            view: Self.everyType, features: ["tags", "s", "b"], entityKeys: [key], now: Fixtures.now)
        #expect(some.values == [values[9], values[5], values[0]])
        #expect(some.statuses == [.present, .present, .present])
    }

    @Test("A list element of the wrong type is an error naming the feature")
    func badListElement() throws {
        let directory = try TemporaryDirectory()
        let store = try Fixtures.store(in: directory)
        var values = Array(repeating: Value.null, count: Self.everyType.features.count)
        values[8] = .list([.float32(1), .string("x")])
        let row = StoredRow(
            joinKeys: [.string("k"), .timestamp(Fixtures.now), .bool(true), .bytes([])], eventTimestamp: Fixtures.now,
            features: values)
        let error = try #require(throws: OnlineStoreError.self) { try store.write(view: Self.everyType, rows: [row]) }
        #expect(error.message.contains("'embedding'"))
    }
}
