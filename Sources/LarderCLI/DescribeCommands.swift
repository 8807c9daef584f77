import ArgumentParser
import Foundation
import Larder
import LarderCore

/// Options of the `describe` subcommands: the repository and one object's name.
struct DescribeOptions: ParsableArguments {
    @OptionGroup var repository: RepositoryOptions

    @Argument(help: "The object's name.")
    var name: String

    /// Prints one object as JSON: `spec` (its manifest form, which `apply --manifest`
    /// reads) and `meta` (when it was created and last updated, and `extra`).
    /// - Parameters:
    ///   - kind: the kind of object.
    ///   - objects: the applied objects of that kind.
    ///   - nameOf: an object's name.
    ///   - extra: more members of `meta` for the object found.
    /// - Throws: ``CLIError`` naming the closest known name when none is called `name`.
    func describe<Object: Encodable>(
        _ kind: ObjectKind, _ objects: [Object], name nameOf: (Object) -> String,
        extra: (FeatureStore, Registry) throws -> [String: String] = { _, _ in [:] }
    ) throws {
        let (store, registry) = try repository.openAppliedStore()
        guard let object = objects.first(where: { nameOf($0) == name }) else {
            let names = objects.map(nameOf)
            let hint = Spelling.suggestion(for: name, among: names).map { " \($0)" } ?? ""
            let known = names.isEmpty ? "none is applied" : "applied: \(names.joined(separator: ", "))"
            throw CLIError("no \(kind.rawValue) '\(name)' in the registry;\(hint) (\(known))")
        }
        var meta = try extra(store, registry)
        if let times = registry.objectTimestamps["\(kind.rawValue.replacingOccurrences(of: " ", with: "_"))/\(name)"] {
            meta["created_timestamp"] = times.created.description
            meta["last_updated_timestamp"] = times.updated.description
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let spec = try JSONSerialization.jsonObject(with: try encoder.encode(object))
        let both: [String: Any] = ["spec": spec, "meta": meta]
        let document = try JSONSerialization.data(
            withJSONObject: both, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        print(String(decoding: document, as: UTF8.self))
    }

    /// The manifest of the applied registry.
    func manifest() throws -> Manifest {
        try repository.openAppliedStore().registry.manifest
    }
}

extension Entities {
    /// `larder entities describe NAME`.
    struct Describe: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print one applied entity as JSON.",
            discussion: "Example:\n  larder entities describe user --repo feature_repo")
        @OptionGroup var options: DescribeOptions

        func run() throws {
            try options.describe(.entity, try options.manifest().entities, name: \.name)
        }
    }
}

extension DataSources {
    /// `larder data-sources describe NAME`.
    struct Describe: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print one applied data source as JSON.",
            discussion: "Example:\n  larder data-sources describe payments_push --repo feature_repo")
        @OptionGroup var options: DescribeOptions

        func run() throws {
            try options.describe(.source, try options.manifest().sources, name: \.name)
        }
    }
}

extension FeatureViews {
    /// `larder feature-views describe NAME`.
    struct Describe: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print one applied feature view as JSON, with what the stores hold for it.",
            discussion: "Example:\n  larder feature-views describe merchant_transactions --repo feature_repo")
        @OptionGroup var options: DescribeOptions

        func run() throws {
            try options.describe(.featureView, try options.manifest().featureViews, name: \.name) { store, _ in
                let stored = try store.storedData(ofView: options.name)
                var meta = ["stored": stored.summary]
                if let until = stored.materializedUntil { meta["materialized_until"] = until.description }
                return meta
            }
        }
    }
}

extension FeatureServices {
    /// `larder feature-services describe NAME`.
    struct Describe: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print one applied feature service as JSON, with the features it resolves to.",
            discussion: "Example:\n  larder feature-services describe fraud_detection_v1 --repo feature_repo")
        @OptionGroup var options: DescribeOptions

        func run() throws {
            try options.describe(.featureService, try options.manifest().featureServices, name: \.name) { _, registry in
                let references = try registry.manifest.references(ofService: options.name)
                return ["features": references.map(\.description).joined(separator: ", ")]
            }
        }
    }
}
