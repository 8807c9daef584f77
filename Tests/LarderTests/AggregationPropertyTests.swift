import Foundation
import Larder
import LarderCore
import LarderFormats
import LarderStores
import LarderTestSupport
import Logging
import Testing

/// Random event streams and query times: every aggregated feature of a training set equals
/// a brute-force computation in plain loops, and equals the online read at the same instant.
@Suite(.serialized) struct AggregationPropertyTests {
    struct Event {
        var user: Int64
        var time: Int64  // seconds
        var amount: Double?
        var quantity: Int64?
        var merchant: Int64?
        var fraud: Bool?
    }

    static let windows: [(text: String, seconds: Int64)] = [("1h", 3_600), ("1d", 86_400), ("3d", 259_200)]
    static let start: Int64 = 1_767_225_600  // 2026-01-01T00:00:00Z

    static func manifest() -> Manifest {
        let user = Entity("user", joinKey: "user_id")
        let events = FileSource("data/events.csv", name: "events")
        let view = FeatureView("user_events", entities: [user], source: events) {
            for window in windows {
                Aggregation.count(window: AggregationWindow(window.text))
                Aggregation.over(
                    "amount", .sum, .mean, .stddev, .min, .max, .last, windows: AggregationWindow(window.text))
                Aggregation.over(
                    "quantity", .sum, .mean, .stddev, .min, .max, .last, windows: AggregationWindow(window.text))
                Aggregation.over("merchant_id", .countDistinct, .last, windows: AggregationWindow(window.text))
                Aggregation.over("is_fraud", .sum, .mean, .last, windows: AggregationWindow(window.text))
            }
        }
        return FeatureRepository { view }.manifest
    }

    static func events(seed: UInt64) -> [Event] {
        var random = SeededGenerator(seed: seed)
        // Times on a coarse grid (quarter hours over four days), so ties and events exactly a
        // window apart are common.
        return (0..<Int.random(in: 30...120, using: &random)).map { _ in
            Event(
                user: Int64.random(in: 1...5, using: &random),
                time: start + 900 * Int64.random(in: 0..<384, using: &random),
                amount: Int.random(in: 0..<6, using: &random) == 0
                    ? nil : Double(Int.random(in: -4_000...40_000, using: &random)) / 8,
                quantity: Int.random(in: 0..<6, using: &random) == 0 ? nil : Int64.random(in: -5...50, using: &random),
                merchant: Int.random(in: 0..<8, using: &random) == 0
                    ? nil : Int64.random(in: 100...106, using: &random),
                fraud: Int.random(in: 0..<8, using: &random) == 0 ? nil : Bool.random(using: &random))
        }
    }

    static func queries(seed: UInt64, events: [Event]) -> [(user: Int64, time: Int64)] {
        var random = SeededGenerator(seed: seed &+ 1_000)
        return (0..<150).map { _ in
            let user = Int64.random(in: 1...6, using: &random)
            switch Int.random(in: 0..<3, using: &random) {
            case 0:
                // At an event, or exactly a window after one.
                let event = events.randomElement(using: &random)!
                return (user, event.time + [0, 3_600, 86_400, 259_200].randomElement(using: &random)!)
            case 1: return (user, start + 900 * Int64.random(in: 0..<420, using: &random))
            default: return (user, start + Int64.random(in: -3_600..<400_000, using: &random))
            }
        }
    }

    static func csv(_ events: [Event]) -> String {
        func text<T>(_ value: T?) -> String { value.map { "\($0)" } ?? "" }
        return "user_id,event_timestamp,amount,quantity,merchant_id,is_fraud\n"
            + events.map {
                "\($0.user),\(Timestamp(nanosecondsSinceEpoch: $0.time * 1_000_000_000)),\(text($0.amount)),\(text($0.quantity)),\(text($0.merchant)),\(text($0.fraud))\n"
            }.joined()
    }

    /// The expected value of one feature in plain loops over the events in the window.
    static func reference(_ aggregation: Aggregation, events: [Event], user: Int64, time: Int64) -> Value {
        let window = aggregation.window.nanoseconds! / 1_000_000_000
        // File order is stored order: a tie in time goes to the event written later.
        let inWindow = events.filter { $0.user == user && $0.time >= time - window && $0.time < time }
            .enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)
        func numbers(_ column: String) -> [Double?] {
            inWindow.map { event in
                switch column {
                case "amount": event.amount
                case "quantity": event.quantity.map(Double.init)
                case "is_fraud": event.fraud.map { $0 ? 1 : 0 }
                default: event.merchant.map(Double.init)
                }
            }
        }
        let column = aggregation.column ?? ""
        let values = numbers(column).compactMap { $0 }
        let integral = column != "amount"
        func typed(_ number: Double) -> Value {
            switch column {
            case "amount": .float64(number)
            case "is_fraud": .bool(number != 0)
            default: .int64(Int64(number))
            }
        }
        switch aggregation.function {
        case .count: return .int64(Int64(inWindow.count))
        case .sum:
            let sum = values.reduce(0, +)
            return integral ? .int64(Int64(sum)) : .float64(sum)
        case .mean: return values.isEmpty ? .null : .float64(values.reduce(0, +) / Double(values.count))
        case .stddev:
            guard values.count >= 2 else { return .null }
            let mean = values.reduce(0, +) / Double(values.count)
            return .float64(
                (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count - 1)).squareRoot())
        case .min: return values.min().map(typed) ?? .null
        case .max: return values.max().map(typed) ?? .null
        case .last: return numbers(column).last { $0 != nil }.map { typed($0!) } ?? .null
        case .countDistinct: return .int64(Int64(Set(values).count))
        }
    }

    static func agree(_ actual: Value, _ expected: Value) -> Bool {
        if case .float64(let a) = actual, case .float64(let b) = expected {
            return a == b || abs(a - b) <= 1e-9 * max(abs(a), abs(b))
        }
        return actual == expected
    }

    @Test(arguments: [
        (StoreBackends.embedded, UInt64(1)...6), (StoreBackends.memory, UInt64(7)...12),
        (StoreBackends.postgres, UInt64(13)...15), (StoreBackends.redis, UInt64(16)...18),
    ])
    func trainingSetsAndOnlineReadsMatchBruteForce(stores: StoreBackends, seeds: ClosedRange<UInt64>) throws {
        var cases = 0
        for seed in seeds {
            let events = Self.events(seed: seed)
            let queries = Self.queries(seed: seed, events: events)
            let directory = try TemporaryDirectory()
            try directory.write("project: properties\n" + stores.yaml, to: "feature_store.yaml")
            try directory.write(Self.csv(events), to: "data/events.csv")
            try directory.write(
                "user_id,event_timestamp\n"
                    + queries.map { "\($0.user),\(Timestamp(nanosecondsSinceEpoch: $0.time * 1_000_000_000))\n" }
                    .joined(),
                to: "labels.csv")
            let store = try FeatureStore(repositoryPath: directory.path, logger: Logger(label: "test"))
            let manifest = Self.manifest()
            try store.apply(manifest)
            let view = try #require(try store.registry().manifest.featureView(named: "user_events"))
            let aggregations = try #require(view.aggregations)
            try store.getHistoricalFeatures(
                entitiesPath: "labels.csv",
                features: aggregations.map { FeatureReference(view: view.name, feature: $0.featureName) },
                outputPath: "train.parquet")
            let training = try TableFiles.openReader(path: directory.path + "/train.parquet").readAll()
            let earliest = try #require(queries.map(\.time).min())
            try store.materialize(
                start: Timestamp(nanosecondsSinceEpoch: .min), end: Timestamp(nanosecondsSinceEpoch: .max),
                now: Timestamp(nanosecondsSinceEpoch: earliest * 1_000_000_000))
            for (row, query) in queries.enumerated() {
                let online = try store.getOnlineFeatures(
                    features: aggregations.map { FeatureReference(view: view.name, feature: $0.featureName) },
                    entities: [EntityColumn(name: "user_id", values: [.int64(query.user)])],
                    now: Timestamp(nanosecondsSinceEpoch: query.time * 1_000_000_000))
                for (index, aggregation) in aggregations.enumerated() {
                    let expected = Self.reference(aggregation, events: events, user: query.user, time: query.time)
                    let offline = training.columns[2 + index].value(at: row)
                    let served = online.columns[1 + index].values[0]
                    #expect(
                        Self.agree(offline, expected),
                        "seed \(seed), \(aggregation.featureName) for user \(query.user) at \(query.time): training set \(offline), brute force \(expected)"
                    )
                    #expect(
                        Self.agree(served, offline),
                        "seed \(seed), \(aggregation.featureName) for user \(query.user) at \(query.time): online \(served), training set \(offline)"
                    )
                    cases += 1
                }
            }
        }
        #expect(cases > 5_000)
    }
}
