import Foundation
import Larder
import LarderCore
import LarderStores
import LarderTestSupport
import Testing

@Suite struct ExpectationIngestTests {
    @Test(arguments: ExpectationCase.all) func rejectRefusesTheFileAndLeavesTheStoreByteIdentical(
        check: ExpectationCase
    ) throws {
        let repository = try ExpectationRepository(check.expectation, policy: .reject)
        #expect(try repository.store.ingest().flatMap(\.expectationViolations).isEmpty)
        let rows = try repository.storedRows()
        #expect(rows.count == 4)
        let bytes = try repository.offlineStoreBytes()
        #expect(bytes["offline.db"] != nil)
        try repository.writeSource(adding: [check.badLine])
        let error = try #require(throws: ExpectationError.self) { try repository.store.ingest() }
        for text in check.named { #expect(error.description.contains(text), "\(error)") }
        #expect(error.description.contains("payments.csv was refused; the store is unchanged"))
        if check.expectation.column != nil || check.expectation.check == .unique {
            #expect(error.description.contains("line 6"), "\(error)")
        }
        #expect(try repository.offlineStoreBytes() == bytes)
        #expect(try repository.storedRows() == rows)
    }

    @Test(arguments: ExpectationCase.all) func warnKeepsTheRowsReportsTheRuleAndValidateFindsIt(
        check: ExpectationCase
    ) throws {
        let repository = try ExpectationRepository(check.expectation, policy: .warn)
        #expect(try repository.store.ingest().flatMap(\.expectationViolations).isEmpty)
        #expect(try repository.store.validate().map(\.passed) == [true])
        let bytes = try repository.offlineStoreBytes()
        try repository.writeSource(adding: [check.badLine])
        let violations = try repository.store.ingest().flatMap(\.expectationViolations)
        #expect(violations.count == 1)
        for text in check.named { #expect(violations.first?.message.contains(text) == true, "\(violations)") }
        #expect(try repository.storedRows().count == 5)
        #expect(try repository.offlineStoreBytes() != bytes)

        let report = try #require(try repository.store.validate(views: ["payments"]).first)
        #expect(report.rowsChecked == 5)
        if check.expectation.column == "transaction_id" {
            // The store keeps the view's columns only; the file's other columns are checked on the way in.
            #expect(report.unchecked == [check.expectation])
            #expect(report.passed)
        } else {
            #expect(!report.passed)
            #expect(report.violations.first?.message.contains(check.named[0]) == true, "\(report)")
        }
    }

    @Test(arguments: [StoreBackends.memory, .postgres]) func otherOfflineStoresCheckAlike(stores: StoreBackends) throws
    {
        let check = ExpectationCase.all[1]
        let repository = try ExpectationRepository(check.expectation, policy: .reject, stores: stores)
        try repository.store.ingest()
        let rows = try repository.storedRows()
        try repository.writeSource(adding: [check.badLine])
        let error = try #require(throws: ExpectationError.self) { try repository.store.ingest() }
        #expect(error.description.contains("line 6 (-3.0)"), "\(error)")
        #expect(try repository.storedRows() == rows)

        try repository.store.apply(ExpectationRepository.manifest([check.expectation], policy: .warn))
        let violations = try repository.store.ingest(force: true).flatMap(\.expectationViolations)
        #expect(violations.map(\.expectation) == [check.expectation])
        #expect(try repository.storedRows().count == 5)
    }

    @Test func aParquetSourceNamesRowNumbers() async throws {
        let repository = try ExpectationRepository(.between("amount", 0.01, 100_000), policy: .reject)
        try repository.writeSource(adding: ["5,3,2026-01-05T00:00:00Z,-3.0,food,EF5"])
        _ = try await Python.run(
            script: """
                import pandas as pd, sys
                frame = pd.read_csv(sys.argv[1], parse_dates=["event_timestamp"])
                frame.to_parquet(sys.argv[2], index=False)
                """,
            [repository.directory.appending("data/payments.csv"), repository.directory.appending("data/p.parquet")])
        let user = Entity("user", joinKey: "user_id")
        let view = FeatureView(
            "payments", entities: [user], source: FileSource("data/p.parquet", name: "p", timestamp: "event_timestamp")
        ) {
            Field("amount", .float64)
        }
        .expecting { Expect.between("amount", 0.01, 100_000) }
        try repository.store.apply(FeatureRepository { view }.manifest)
        let error = try #require(throws: ExpectationError.self) { try repository.store.ingest() }
        #expect(error.description.contains("failed for 1 of 5 rows: row 4 (-3.0)"), "\(error)")
    }
}
