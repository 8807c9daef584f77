import Foundation
import LarderCore
import LarderStores
import LarderOnline
import LarderTestSupport
import Testing

@Suite("Reopening and map growth")
struct OnlineStoreDurabilityTests {
    @Test("Data written before closing the store is there after reopening it")
    func reopen() throws {
        let directory = try TemporaryDirectory()
        do {
            let store = try Fixtures.store(in: directory)
            try store.write(view: Fixtures.userStats, rows: (1...100).map { Fixtures.userRow($0, version: 2) })
        }
        let reopened = try Fixtures.store(in: directory)
        let result = try reopened.read(
            view: Fixtures.userStats, features: ["tx_count"], entityKeys: [[.int64(1)], [.int64(100)]],
            now: Fixtures.now)
        #expect(result.values == [.int64(2), .int64(2)])
        #expect(try reopened.state(of: Fixtures.userStats) == .materialized(keys: 100))
    }

    @Test("A tiny map grows as needed and every row is stored")
    func mapGrowth() throws {
        let directory = try TemporaryDirectory()
        let store = try Fixtures.store(
            in: directory, configuration: LMDBOnlineStore.Configuration(initialMapSize: 64 * 1024))

        let report = try store.write(view: Fixtures.userStats, rows: (0..<50_000).lazy.map { Fixtures.userRow($0) })

        #expect(report.keysWritten == 50_000)
        #expect(try store.state(of: Fixtures.userStats) == .materialized(keys: 50_000))
        let keys = stride(from: Int64(0), to: 50_000, by: 997).map { [Value.int64($0)] }
        let result = try store.read(
            view: Fixtures.userStats, features: ["avg_amount"], entityKeys: keys, now: Fixtures.now)
        #expect(result.statuses.allSatisfy { $0 == .present })
        #expect(result.values.last == .float64(Double(keys.last![0].int64Value!) + 0.1))
    }

    @Test("At its maximum map size a write fails as full and leaves the stored rows as they were")
    func maximumMapSize() throws {
        let directory = try TemporaryDirectory()
        let configuration = LMDBOnlineStore.Configuration(initialMapSize: 64 * 1024, maximumMapSize: 256 * 1024)
        let store = try Fixtures.store(in: directory, configuration: configuration)
        try store.write(view: Fixtures.userStats, rows: (0..<10).map { Fixtures.userRow($0, version: 1) })

        let error = try #require(throws: OnlineStoreError.self) {
            try store.write(
                view: Fixtures.userStats,
                rows: (0..<20_000).lazy.map { Fixtures.userRow($0, version: 2, event: Fixtures.now) })
        }

        #expect(error.kind == .storeFull)
        #expect(error.message.contains(directory.path))
        let result = try store.read(
            view: Fixtures.userStats, features: ["tx_count"], entityKeys: [[.int64(0)], [.int64(9)], [.int64(10)]],
            now: Fixtures.now)
        #expect(result.values == [.int64(1), .int64(1), .null])
    }

    @Test("A path that is a file is an error naming it")
    func pathIsAFile() throws {
        let directory = try TemporaryDirectory()
        let file = directory.appending("file")
        #expect(FileManager.default.createFile(atPath: file, contents: Data()))
        let error = try #require(throws: OnlineStoreError.self) { try LMDBOnlineStore(path: file) }
        #expect(error.message.contains(file))
    }
}
