import Foundation
import LarderCore
import LarderFormats
import LarderStores
@testable import LarderOffline
import Testing

/// Ingestion: idempotence, change detection, atomicity and the errors a bad source gets.
@Suite struct IngestionTests {
    static let rowsV1: [[Value]] = (1...7).map { user in
        [
            .int64(Int64(user)), ts("2025-01-01T10:00:00Z"), ts("2025-01-01T10:00:00Z"), .float64(Double(user)),
            .int64(1),
        ]
    }
    static let rowsV2: [[Value]] = (1...7).map { user in
        [
            .int64(Int64(user)), ts("2025-01-01T10:00:00Z"), ts("2025-01-01T10:00:00Z"), .float64(Double(user)),
            .int64(2),
        ]
    }

    /// The `count` every user 1...7 gets at noon on 2025-01-01.
    private func counts(
        _ fixture: StoreFixture, _ table: OfflineTable, store: SQLiteOfflineStore? = nil
    ) throws -> [Value] {
        let output = try fixture.join(
            entityColumns: [("user_id", .int64), ("event_timestamp", .micros)],
            entityRows: (1...7).map { [.int64(Int64($0)), ts("2025-01-01T12:00:00Z")] },
            requests: [FeatureRequest(table: table, features: ["count"])], on: store)
        return output.rows.map { $0[2] }
    }

    @Test func ingestingTheSameFileTwiceReadsItOnceAndNeverDuplicates() throws {
        let fixture = try StoreFixture()
        let table = try fixture.ingest(.userStats(Self.rowsV1))
        let second = try fixture.store.ingest(table)
        #expect(second.outcome == .upToDate)
        #expect(second.rowCount == 7)
        #expect(fixture.openCount(table.sourcePath) == 1)
        try fixture.reopen()
        #expect(try fixture.store.ingest(table).outcome == .upToDate)
        #expect(try fixture.store.ingestedTable(named: "user_stats")?.rowCount == 7)
        var latest: [StoredRow] = []
        try fixture.store.latestRows(table: table, start: ts0, end: tsMax) { latest.append($0) }
        #expect(latest.count == 7)
    }

    @Test func aChangedFileIsReingestedAndATouchedOneIsNot() throws {
        let fixture = try StoreFixture()
        let table = try fixture.ingest(.userStats(Self.rowsV1))
        #expect(try counts(fixture, table) == Array(repeating: .int64(1), count: 7))

        // Same bytes, new modification time: the hash matches, nothing is read.
        let path = table.sourcePath
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: path)
        #expect(try fixture.store.ingest(table).outcome == .upToDate)
        #expect(fixture.openCount(path) == 1)

        try fixture.writeSource(
            table.sourcePath.components(separatedBy: "/").last!, columns: ViewFixture.userStats([]).columns,
            rows: Self.rowsV2)
        let report = try fixture.store.ingest(table)
        #expect(report.outcome == .ingested)
        #expect(report.rowCount == 7)
        #expect(try counts(fixture, table) == Array(repeating: .int64(2), count: 7))
        #expect(try fixture.store.ingest(table, force: true).outcome == .ingested)
        #expect(fixture.openCount(path) == 3)
    }

    @Test func aChangedDefinitionIsReingestedAndAStaleOneCannotBeQueried() throws {
        let fixture = try StoreFixture()
        let table = try fixture.ingest(.userStats(Self.rowsV1))
        var narrower = table
        narrower.features.removeLast()
        #expect(throws: OfflineStoreError.self) { try counts(fixture, narrower) }
        #expect(try fixture.store.ingest(narrower).outcome == .ingested)
        let error = #expect(throws: OfflineStoreError.self) { try counts(fixture, table) }
        #expect(error?.kind == .outOfDate)
        // A TTL change needs no new ingestion.
        var longer = narrower
        longer.ttl = .days(30)
        #expect(try fixture.store.ingest(longer).outcome == .upToDate)
    }

    @Test func aNullJoinKeyOnRowNFailsNamingItAndKeepsThePreviousRows() throws {
        let fixture = try StoreFixture()
        let table = try fixture.ingest(.userStats(Self.rowsV1))
        var bad = Self.rowsV2
        bad[4][0] = .null
        try fixture.writeSource("user_stats.src", columns: ViewFixture.userStats([]).columns, rows: bad)
        let error = #expect(throws: OfflineStoreError.self) { try fixture.store.ingest(table) }
        #expect(error?.kind == .invalidSource)
        #expect(error?.message.contains("data row 5") == true)
        #expect(error?.message.contains("column 'user_id'") == true)
        #expect(error?.message.contains("user_stats.src") == true)
        #expect(try counts(fixture, table) == Array(repeating: .int64(1), count: 7))
        #expect(try dataTableCount(fixture) == 1)
    }

    @Test func aMalformedLineStopsIngestionWithTheReadersErrorAndKeepsThePreviousRows() throws {
        let fixture = try StoreFixture()
        let table = try fixture.ingest(.userStats(Self.rowsV1))
        try fixture.writeSource(
            "user_stats.src", columns: ViewFixture.userStats([]).columns, rows: Self.rowsV2, failingLine: 6)
        let error = #expect(throws: FormatError.self) { try fixture.store.ingest(table) }
        #expect(error?.line == 6)
        #expect(try counts(fixture, table) == Array(repeating: .int64(1), count: 7))
        #expect(try dataTableCount(fixture) == 1)
        // Once the file is fixed, the next run completes.
        try fixture.writeSource("user_stats.src", columns: ViewFixture.userStats([]).columns, rows: Self.rowsV2)
        #expect(try fixture.store.ingest(table).outcome == .ingested)
        #expect(try counts(fixture, table) == Array(repeating: .int64(2), count: 7))
    }

    @Test func readersSeeThePreviousRowsUntilIngestionFinishes() throws {
        let fixture = try StoreFixture()
        let table = try fixture.ingest(.userStats(Self.rowsV1))
        try fixture.writeSource(
            "user_stats.src", columns: ViewFixture.userStats([]).columns, rows: Self.rowsV2, batchSize: 2)
        let reader = try fixture.openAnotherStore()
        var seenDuringLoad: [[Value]] = []
        var progress: [Int] = []
        try fixture.store.ingest(table) { step in
            progress.append(step.rowsDone)
            seenDuringLoad.append((try? counts(fixture, table, store: reader)) ?? [])
        }
        #expect(progress == [2, 4, 6, 7])
        #expect(seenDuringLoad.allSatisfy { $0 == Array(repeating: .int64(1), count: 7) })
        #expect(try counts(fixture, table, store: reader) == Array(repeating: .int64(2), count: 7))
    }

    @Test func aFullDiskFailsTheSwapAndKeepsThePreviousRows() throws {
        let fixture = try StoreFixture()
        let table = try fixture.ingest(.userStats(Self.rowsV1))
        try fixture.writeSource("user_stats.src", columns: ViewFixture.userStats([]).columns, rows: Self.rowsV2)
        // The database may not grow: creating the new data table cannot succeed.
        let pages = try fixture.store.connection.prepare("PRAGMA page_count")
        try pages.step()
        let pageCount = pages.int64(at: 0)
        pages.reset()
        try fixture.store.connection.execute("PRAGMA max_page_count = \(pageCount)")
        let error = #expect(throws: SQLiteError.self) { try fixture.store.ingest(table) }
        #expect(error.map { $0.code ~= .full } == true)
        #expect(try counts(fixture, table) == Array(repeating: .int64(1), count: 7))
        #expect(try dataTableCount(fixture) == 1)
        try fixture.store.connection.execute("PRAGMA max_page_count = 1000000")
        #expect(try fixture.store.ingest(table).outcome == .ingested)
        #expect(try counts(fixture, table) == Array(repeating: .int64(2), count: 7))
    }

    @Test func aMissingSourceColumnIsNamedWithTheFilesColumns() throws {
        let fixture = try StoreFixture()
        var view = ViewFixture.userStats(Self.rowsV1)
        view.table.features[0].sourceColumn = "amount_usd"
        let error = #expect(throws: OfflineStoreError.self) { try fixture.ingest(view) }
        #expect(error?.message.contains("no column 'amount_usd'") == true)
        #expect(error?.message.contains("feature 'amount'") == true)
        #expect(error?.message.contains("user_id, event_timestamp, created, amount, count") == true)
        #expect(try fixture.store.ingestedTables().isEmpty)
    }

    @Test(arguments: [
        (ColumnType.string, ValueType.int64, false), (.int32, .int64, true), (.float64, .int64, false),
        (.int64, .float64, true), (.float64, .float32, false), (.string, .string, true), (.bool, .string, false),
    ])
    func sourceTypesMustConvertToTheDeclaredType(file: ColumnType, declared: ValueType, accepted: Bool) throws {
        let fixture = try StoreFixture()
        var view = ViewFixture.userStats([])
        view.columns[4].1 = file
        view.table.features[1].type = declared
        view.rows = [[.int64(1), ts("2025-01-01T10:00:00Z"), .null, .float64(1), .null]]
        if accepted {
            try fixture.ingest(view)
        } else {
            let error = #expect(throws: OfflineStoreError.self) { try fixture.ingest(view) }
            #expect(error?.message.contains("column 'count' is \(file)") == true)
            #expect(error?.message.contains("as \(declared)") == true)
        }
    }

    @Test func invalidDefinitionsAreRejectedBeforeReading() throws {
        let fixture = try StoreFixture()
        var noKeys = ViewFixture.userStats(Self.rowsV1)
        noKeys.table.joinKeys = []
        #expect(throws: OfflineStoreError.self) { try fixture.ingest(noKeys) }
        var duplicate = ViewFixture.userStats(Self.rowsV1)
        duplicate.table.features.append(OfflineColumn("user_id", .int64))
        let error = #expect(throws: OfflineStoreError.self) { try fixture.ingest(duplicate) }
        #expect(error?.message.contains("'user_id' is declared more than once") == true)
        #expect(fixture.openCount(fixture.directory.appending("user_stats.src")) == 0)
    }

    @Test func droppingAViewRemovesItsRows() throws {
        let fixture = try StoreFixture()
        let table = try fixture.ingest(.userStats(Self.rowsV1))
        try fixture.ingest(.merchantStats([[.string("m"), ts("2025-01-01T00:00:00Z"), .float64(1)]]))
        #expect(try fixture.store.ingestedTables().map(\.name) == ["merchant_stats", "user_stats"])
        let listed = try #require(try fixture.store.ingestedTable(named: "user_stats"))
        #expect(listed.rowCount == 7)
        #expect(listed.sourceHash.count == 16)
        #expect(try fixture.store.drop(table: "user_stats"))
        #expect(try !fixture.store.drop(table: "user_stats"))
        #expect(try fixture.store.ingestedTables().map(\.name) == ["merchant_stats"])
        #expect(try dataTableCount(fixture) == 1)
        let error = #expect(throws: OfflineStoreError.self) { try counts(fixture, table) }
        #expect(error?.kind == .notFound)
    }

    /// The number of data tables in the database.
    @Test func theSettingsChangedForLoadingAreRestoredAfterASuccessAndAFailure() throws {
        let fixture = try StoreFixture()
        let table = try fixture.ingest(.userStats(Self.rowsV1))
        #expect(try pragma("mmap_size", fixture) == Int64(SQLiteOfflineStore.mmapBytes))
        #expect(try pragma("cache_size", fixture) == -Int64(SQLiteOfflineStore.cacheKibibytes))
        var bad = Self.rowsV2
        bad[4][0] = .null
        try fixture.writeSource("user_stats.src", columns: ViewFixture.userStats([]).columns, rows: bad)
        #expect(throws: OfflineStoreError.self) { try fixture.store.ingest(table) }
        #expect(try pragma("mmap_size", fixture) == Int64(SQLiteOfflineStore.mmapBytes))
        #expect(try pragma("cache_size", fixture) == -Int64(SQLiteOfflineStore.cacheKibibytes))
    }

    private func pragma(_ name: String, _ fixture: StoreFixture) throws -> Int64 {
        let statement = try fixture.store.connection.prepare("PRAGMA \(name)")
        try statement.step()
        return statement.int64(at: 0)
    }

    private func dataTableCount(_ fixture: StoreFixture) throws -> Int {
        let statement = try fixture.store.connection.prepare(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 'larder_fv_%'")
        try statement.step()
        return Int(statement.int64(at: 0))
    }
}

private let ts0 = Timestamp(nanosecondsSinceEpoch: .min)
private let tsMax = Timestamp(nanosecondsSinceEpoch: .max)
