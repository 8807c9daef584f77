import ArgumentParser
import Foundation
import Larder
import LarderCore
import LarderServer

/// `larder get-online-features`: read the latest features for entity keys, as JSON.
struct GetOnlineFeatures: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get-online-features",
        abstract: "Read the latest feature values for entity keys from the online store.",
        discussion: """
            Prints the same JSON as the feature server: feature_names, then per column the \
            values, statuses (PRESENT, NULL_VALUE, NOT_FOUND, OUTSIDE_MAX_AGE) and event \
            timestamps, one entry per --entity row.

            Examples:
              larder get-online-features --service fraud_detection_v1 \\
                --entity user_id=1,merchant_id=3 --entity user_id=2,merchant_id=7
              larder get-online-features --features merchant_profiles:category \\
                --entity merchant_id=3
              larder get-online-features --service fraud_detection_v2 \\
                --entity user_id=1,merchant_id=3 \\
                --request amount=12.5,timestamp=2024-05-06T07:08:09Z
            """)

    @OptionGroup var options: RepositoryOptions

    @Option(name: .long, help: "Features as view:feature, comma-separated.")
    var features: String?

    @Option(name: .long, help: "A feature service whose features to read.")
    var service: String?

    @Option(name: .long, help: "An entity row as key=value[,key=value] (repeatable).")
    var entity: [String] = []

    @Option(
        name: .long,
        help: "Request fields of on-demand features as name=value[,name=value]: one per --entity row, or one for all.")
    var request: [String] = []

    @Flag(name: .long, help: "Name features view__feature.")
    var fullFeatureNames = false

    func validate() throws {
        guard (features == nil) != (service == nil) else {
            throw ValidationError("give exactly one of --features and --service")
        }
        guard !entity.isEmpty else { throw ValidationError("give at least one --entity key=value") }
    }

    func run() throws {
        let store = try options.openAppliedStore().store
        let manifest = try store.currentRegistry().manifest
        let keyTypes = Dictionary(
            manifest.entities.flatMap(\.joinKeys).map { ($0.name, $0.type) }, uniquingKeysWith: { first, _ in first })
        let columns = try EntityRowParser(keyTypes: keyTypes).columns(from: entity)
        let references = try featureReferences(features: features, service: service, store: store)
        let requestData = try RequestRowParser(fields: store.requestFields(of: references))
            .columns(from: request, rowCount: entity.count)
        let result = try store.getOnlineFeatures(
            features: references, entities: columns, requestData: requestData, fullFeatureNames: fullFeatureNames)
        print(String(decoding: OnlineFeaturesEncoder.encode(result, columnPerLine: true), as: UTF8.self))
    }
}

/// Turns `user_id=17,merchant_id=3` rows into typed key columns.
struct EntityRowParser {
    var keyTypes: [String: ValueType]

    func columns(from rows: [String]) throws -> [EntityColumn] {
        var names: [String] = []
        var columns: [String: [Value]] = [:]
        for (index, row) in rows.enumerated() {
            let pairs = try row.split(separator: ",").map { pair -> (String, String) in
                let parts = pair.split(separator: "=", maxSplits: 1)
                guard parts.count == 2 else { throw CLIError("--entity '\(row)': expected key=value") }
                return (String(parts[0]), String(parts[1]))
            }
            if index == 0 { names = pairs.map(\.0) }
            guard pairs.map(\.0) == names else {
                throw CLIError(
                    "--entity '\(row)': every row needs the keys \(names.joined(separator: ", ")) in that order")
            }
            for (name, text) in pairs { columns[name, default: []].append(try value(text, key: name)) }
        }
        return names.map { EntityColumn(name: $0, values: columns[$0] ?? []) }
    }

    private func value(_ text: String, key: String) throws -> Value {
        switch keyTypes[key] {
        case .int64?:
            guard let number = Int64(text) else {
                throw CLIError("entity key '\(key)' is int64; '\(text)' is not an integer")
            }
            return .int64(number)
        case .int32?:
            guard let number = Int32(text) else {
                throw CLIError("entity key '\(key)' is int32; '\(text)' is not an integer")
            }
            return .int32(number)
        case .bytes?: return .bytes(Array(text.utf8))
        case .string?: return .string(text)
        default:
            throw CLIError(
                "'\(key)' is not a join key of any entity (known: \(keyTypes.keys.sorted().joined(separator: ", ")))")
        }
    }
}
