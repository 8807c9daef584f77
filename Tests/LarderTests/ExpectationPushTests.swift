import Foundation
import Larder
import LarderCore
import LarderStores
import LarderTestSupport
import Testing

@Suite struct ExpectationPushTests {
    /// Two rows every expectation accepts, after the file's rows.
    static let goodBatch = ["5,3,2026-01-05T00:00:00Z,9.0,food,EF5", "6,3,2026-01-06T00:00:00Z,8.0,travel,EF6"]

    /// A batch breaking the case's expectation in its second row (index 1).
    static func badBatch(_ check: ExpectationCase) -> [String] {
        ["1,1,2026-01-01T00:00:00Z,10.0,food,AB1", check.badLine]
    }

    @Test(arguments: ExpectationCase.all) func rejectRefusesTheWholeBatch(check: ExpectationCase) throws {
        let repository = try ExpectationRepository(check.expectation, policy: .reject)
        try repository.store.ingest()
        let reports = try repository.store.push(
            source: "payments_push", columns: ExpectationRepository.pushColumns(Self.goodBatch),
            to: .onlineAndOffline)
        #expect(reports.flatMap(\.expectationViolations).isEmpty)
        let rows = try repository.storedRows()
        #expect(rows.count == 6)
        let push = {
            try repository.store.push(
                source: "payments_push", columns: ExpectationRepository.pushColumns(Self.badBatch(check)),
                to: .onlineAndOffline)
        }
        guard check.failsOnPush else {
            // A pushed batch is not a whole table: row counts apply to files and stored rows.
            #expect(try push().first?.offlineRows == 2)
            return
        }
        let error = try #require(throws: ExpectationError.self) { try push() }
        #expect(error.description.hasPrefix("the pushed rows were refused: feature view 'payments': "))
        for text in check.named { #expect(error.description.contains(text), "\(error)") }
        #expect(error.description.contains("row 1"), "\(error)")
        #expect(try repository.storedRows() == rows)
    }

    @Test(arguments: ExpectationCase.all) func warnWritesTheBatchAndReportsTheRule(check: ExpectationCase) throws {
        let repository = try ExpectationRepository(check.expectation, policy: .warn)
        try repository.store.ingest()
        let reports = try repository.store.push(
            source: "payments_push", columns: ExpectationRepository.pushColumns(Self.badBatch(check)), to: .offline)
        let violations = reports.flatMap(\.expectationViolations)
        #expect(violations.count == (check.failsOnPush ? 1 : 0))
        for text in check.named where check.failsOnPush {
            #expect(violations.first?.message.contains(text) == true, "\(violations)")
        }
        #expect(try repository.storedRows().count == 6)
    }

    @Test func aRefusedBatchLeavesTheOnlineStoreAsItWas() throws {
        let repository = try ExpectationRepository(.between("amount", 0.01, 100_000), policy: .reject)
        try repository.store.push(
            source: "payments_push", columns: ExpectationRepository.pushColumns(Self.goodBatch), to: .online)
        func amount() throws -> Value? {
            try repository.store.getOnlineFeatures(
                features: [FeatureReference(view: "payments", feature: "amount")],
                entities: [EntityColumn(name: "user_id", values: [.int64(3)])],
                now: Timestamp(parsing: "2026-01-08T00:00:00Z")!
            ).columns[1].values.first
        }
        #expect(try amount() == .float64(8.0))
        #expect(throws: ExpectationError.self) {
            try repository.store.push(
                source: "payments_push",
                columns: ExpectationRepository.pushColumns([
                    "7,3,2026-01-07T00:00:00Z,7.0,food,EF7", "8,3,2026-01-07T01:00:00Z,-1.0,food,EF8",
                ]),
                to: .onlineAndOffline)
        }
        #expect(try amount() == .float64(8.0))
    }

    @Test func aRuleOnAColumnMissingFromThePushIsAnError() throws {
        let repository = try ExpectationRepository(.unique("transaction_id"), policy: .reject)
        var columns = ExpectationRepository.pushColumns(Self.goodBatch)
        columns.columns["transaction_id"] = nil
        let error = try #require(throws: PushError.self) {
            try repository.store.push(source: "payments_push", columns: columns, to: .offline)
        }
        #expect(error.message.contains("column 'transaction_id', which expectation unique on 'transaction_id' reads"))
    }
}
