import LarderCore
import LarderFormats
import LarderStores
import LarderOffline
import Testing

/// A join that cannot run fails before writing anything, naming the column, view or feature.
@Suite struct JoinErrorTests {
    private static let userRow: [Value] = [
        .int64(1), ts("2025-01-01T10:00:00Z"), ts("2025-01-01T10:00:00Z"), .float64(1), .int64(1),
    ]

    private func expectError(
        _ fixture: StoreFixture, entityColumns: [(String, ColumnType)], requests: [FeatureRequest],
        kind: OfflineStoreError.Kind, mentioning fragments: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let error = #expect(throws: OfflineStoreError.self, sourceLocation: sourceLocation) {
            try fixture.join(entityColumns: entityColumns, entityRows: [], requests: requests)
        }
        #expect(error?.kind == kind, sourceLocation: sourceLocation)
        for fragment in fragments {
            #expect(
                error?.message.contains(fragment) == true, "\(error?.message ?? "") lacks \(fragment)",
                sourceLocation: sourceLocation)
        }
    }

    @Test func aMissingOrMistypedTimestampColumnIsNamed() throws {
        let fixture = try StoreFixture()
        let table = try fixture.ingest(.userStats([Self.userRow]))
        let request = [FeatureRequest(table: table, features: ["amount"])]
        expectError(
            fixture, entityColumns: [("user_id", .int64), ("ts", .micros)], requests: request, kind: .invalidRequest,
            mentioning: ["entities.csv", "no timestamp column 'event_timestamp'", "user_id, ts"])
        expectError(
            fixture, entityColumns: [("user_id", .int64), ("event_timestamp", .string)], requests: request,
            kind: .invalidRequest, mentioning: ["column 'event_timestamp' is string", "expected timestamps"])
    }

    @Test func aMissingOrMistypedJoinKeyIsNamed() throws {
        let fixture = try StoreFixture()
        let table = try fixture.ingest(.userStats([Self.userRow]))
        let request = [FeatureRequest(table: table, features: ["amount"])]
        expectError(
            fixture, entityColumns: [("customer", .int64), ("event_timestamp", .micros)], requests: request,
            kind: .invalidRequest, mentioning: ["no join key column 'user_id'", "feature view 'user_stats'"])
        expectError(
            fixture, entityColumns: [("user_id", .string), ("event_timestamp", .micros)], requests: request,
            kind: .invalidRequest, mentioning: ["join key column 'user_id' is string", "as int64"])
    }

    @Test func anUnknownFeatureOrViewIsNamed() throws {
        let fixture = try StoreFixture()
        let table = try fixture.ingest(.userStats([Self.userRow]))
        let columns: [(String, ColumnType)] = [("user_id", .int64), ("event_timestamp", .micros)]
        expectError(
            fixture, entityColumns: columns, requests: [FeatureRequest(table: table, features: ["balance"])],
            kind: .notFound, mentioning: ["feature view 'user_stats' has no feature 'balance'"])
        var other = table
        other.name = "card_stats"
        expectError(
            fixture, entityColumns: columns, requests: [FeatureRequest(table: other, features: ["amount"])],
            kind: .notFound, mentioning: ["feature view 'card_stats' is not in the offline store"])
    }

    @Test func clashingOutputNamesNameBothSources() throws {
        let fixture = try StoreFixture()
        let users = try fixture.ingest(.userStats([Self.userRow]))
        var view = ViewFixture.userStats([Self.userRow])
        view.table.name = "user_stats_v2"
        view.table.sourcePath = "user_stats_v2.src"
        let users2 = try fixture.ingest(view)
        let columns: [(String, ColumnType)] = [("user_id", .int64), ("event_timestamp", .micros), ("label", .int64)]
        expectError(
            fixture, entityColumns: columns,
            requests: [
                FeatureRequest(table: users, features: ["amount"]), FeatureRequest(table: users2, features: ["amount"]),
            ],
            kind: .invalidRequest,
            mentioning: [
                "output column 'amount'", "feature view 'user_stats'", "feature view 'user_stats_v2'",
                "full feature names",
            ])
        var labelled = users
        labelled.features[1].name = "count"
        expectError(
            fixture, entityColumns: [("user_id", .int64), ("event_timestamp", .micros), ("count", .int64)],
            requests: [FeatureRequest(table: users, features: ["count"])], kind: .invalidRequest,
            mentioning: ["output column 'count'", "the entity rows"])
        let output = try fixture.join(
            entityColumns: columns, entityRows: [[.int64(1), ts("2025-01-02T00:00:00Z"), .int64(1)]],
            requests: [
                FeatureRequest(table: users, features: ["amount"], fullFeatureNames: true),
                FeatureRequest(table: users2, features: ["amount"], fullFeatureNames: true),
            ])
        #expect(
            output.schema.columns.map(\.name) == [
                "user_id", "event_timestamp", "label", "user_stats__amount", "user_stats_v2__amount",
            ])
        #expect(output.rows == [[.int64(1), ts("2025-01-02T00:00:00Z"), .int64(1), .float64(1), .float64(1)]])
    }
}
