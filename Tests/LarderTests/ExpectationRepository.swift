import Foundation
import Larder
import LarderCore
import LarderStores
import LarderTestSupport
import Logging
import Testing

/// A repository of card payments whose view declares one expectation, with files that keep
/// it and files that break it on their last line, for the ingest, push and validate tests.
struct ExpectationRepository {
    let directory: TemporaryDirectory
    let store: FeatureStore

    /// The header and four rows every expectation of ``ExpectationCase`` accepts.
    static let goodRows = """
        transaction_id,user_id,event_timestamp,amount,category,code
        1,1,2026-01-01T00:00:00Z,10.0,food,AB1
        2,1,2026-01-02T00:00:00Z,20.0,travel,AB2
        3,2,2026-01-03T00:00:00Z,30.0,food,CD3
        4,2,2026-01-04T00:00:00Z,40.0,travel,CD4

        """

    init(_ expectation: LarderCore.Expectation, policy: ExpectationPolicy, stores: StoreBackends = .embedded) throws {
        directory = try TemporaryDirectory()
        try directory.write("project: quality\n" + (try stores.yaml), to: "feature_store.yaml")
        try directory.write(Self.goodRows, to: "data/payments.csv")
        store = try FeatureStore(repositoryPath: directory.path, logger: Logger(label: "test"))
        try store.apply(Self.manifest([expectation], policy: policy))
    }

    /// The payments view with the given expectations.
    static func manifest(_ expectations: [LarderCore.Expectation], policy: ExpectationPolicy) -> Manifest {
        let user = Entity("user", joinKey: "user_id")
        let file = FileSource("data/payments.csv", name: "payments_file", timestamp: "event_timestamp")
        let view = FeatureView("payments", entities: [user], source: PushSource("payments_push", batchSource: file)) {
            Field("amount", .float64)
            Field("category", .string)
            Field("code", .string)
        }
        .expecting(policy) { expectations }
        return FeatureRepository { view }.manifest
    }

    /// Writes the source file: the good rows, then `extra` lines.
    func writeSource(adding extra: [String] = []) throws {
        try directory.write(Self.goodRows + extra.map { $0 + "\n" }.joined(), to: "data/payments.csv")
    }

    /// The rows the offline store holds for the view.
    func storedRows() throws -> [StoredRow] {
        let manifest = try store.registry().manifest
        let table = try store.offlineTable(for: manifest.featureViews[0], in: manifest)
        var rows: [StoredRow] = []
        try store.openOfflineStore().scanRows(
            table: table, start: Timestamp(nanosecondsSinceEpoch: .min), end: Timestamp(nanosecondsSinceEpoch: .max)
        ) { rows.append($0) }
        return rows
    }

    /// The bytes of the SQLite offline store's files (database and write-ahead log).
    func offlineStoreBytes() throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in ["offline.db", "offline.db-wal"] {
            let path = directory.appending(".larder/\(name)")
            if FileManager.default.fileExists(atPath: path) {
                files[name] = try Data(contentsOf: URL(fileURLWithPath: path))
            }
        }
        return files
    }

    /// CSV lines as push columns, typed as a payment service would send them.
    static func pushColumns(_ lines: [String]) -> PushColumns {
        let names = ["transaction_id", "user_id", "event_timestamp", "amount", "category", "code"]
        var columns: [String: [Value]] = Dictionary(uniqueKeysWithValues: names.map { ($0, []) })
        for line in lines {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            for (name, cell) in zip(names, cells) {
                let value: Value =
                    switch name {
                    case _ where cell.isEmpty: .null
                    case "transaction_id", "user_id": .int64(Int64(cell)!)
                    case "amount": .float64(Double(cell)!)
                    default: .string(cell)
                    }
                columns[name]!.append(value)
            }
        }
        return PushColumns(columns)
    }
}

/// One expectation, a line that breaks it when added to the good rows (the file's line 6),
/// and how the failure is named.
struct ExpectationCase: CustomTestStringConvertible, Sendable {
    var expectation: LarderCore.Expectation
    var badLine: String
    /// What the error names: the rule and column, and the offending value where there is one.
    var named: [String]
    /// Whether a pushed batch of the first good row and the bad line breaks it too.
    var failsOnPush = true

    var testDescription: String { expectation.summary }

    static let all: [ExpectationCase] = [
        .init(
            expectation: .notNull("amount"), badLine: "5,3,2026-01-05T00:00:00Z,,food,EF5",
            named: ["not_null on 'amount'", "(null)"]),
        .init(
            expectation: .between("amount", 0.01, 100_000), badLine: "5,3,2026-01-05T00:00:00Z,-3.0,food,EF5",
            named: ["between(0.01, 100000) on 'amount'", "(-3.0)"]),
        .init(
            expectation: .inSet("category", ["food", "travel"]), badLine: "5,3,2026-01-05T00:00:00Z,9.0,crypto,EF5",
            named: ["in_set([\"food\", \"travel\"]) on 'category'", "(\"crypto\")"]),
        .init(
            expectation: .unique("transaction_id"), badLine: "1,3,2026-01-05T00:00:00Z,9.0,food,EF5",
            named: ["unique on 'transaction_id'", "(1 again)"]),
        .init(
            expectation: .unique(), badLine: "5,1,2026-01-01T00:00:00Z,9.0,food,EF5",
            named: ["unique on (join keys, event time)", "again"]),
        .init(
            expectation: .maxNullFraction("amount", 0.1), badLine: "5,3,2026-01-05T00:00:00Z,,food,EF5",
            named: ["max_null_fraction(0.1) on 'amount'", "null fraction"]),
        .init(
            expectation: .matches("code", "^[A-Z]{2}[0-9]$"), badLine: "5,3,2026-01-05T00:00:00Z,9.0,food,e5",
            named: ["matches(\"^[A-Z]{2}[0-9]$\") on 'code'", "(\"e5\")"]),
        .init(
            expectation: .rowCount(max: 4), badLine: "5,3,2026-01-05T00:00:00Z,9.0,food,EF5",
            named: ["row_count(max 4)", "5 rows, more than 4"], failsOnPush: false),
    ]
}
