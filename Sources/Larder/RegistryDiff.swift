public import LarderCore
import Foundation

/// The kinds of object a registry holds.
public enum ObjectKind: String, Sendable, CaseIterable {
    case entity, source
    case featureView = "feature view"
    case featureService = "feature service"
    case onDemandFeatureView = "on-demand feature view"

    /// The key prefix used in ``Registry/objectTimestamps``.
    var keyPrefix: String { rawValue.replacingOccurrences(of: " ", with: "_") }
}

/// One object that `apply` creates, updates or deletes.
public struct RegistryChange: Hashable, Sendable, CustomStringConvertible {
    /// What happens to the object.
    public enum Action: String, Sendable {
        case create, update, delete

        /// `Created`, `Updated`, `Deleted`.
        public var pastTense: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() + "d" }
    }

    /// What happens.
    public var action: Action
    /// The object's kind.
    public var kind: ObjectKind
    /// The object's name.
    public var name: String
    /// For updates, one line per changed member (`ttl_seconds: 604800 → 1209600`).
    public var details: [String]

    /// The key of the object in ``Registry/objectTimestamps``.
    public var objectKey: String { "\(kind.keyPrefix)/\(name)" }

    /// `Updated feature view 'user_stats': ttl_seconds: 604800 → 1209600`.
    public var description: String { describe(verb: action.pastTense) }

    /// The change with a chosen verb: `Would create feature view 'user_stats'`.
    /// - Parameter verb: the leading verb phrase.
    /// - Returns: the text.
    public func describe(verb: String) -> String {
        let head = "\(verb) \(kind.rawValue) '\(name)'"
        return details.isEmpty ? head : head + ": " + details.joined(separator: "; ")
    }
}

/// The difference between the applied registry and new definitions.
public struct RegistryDiff: Hashable, Sendable {
    /// The changes: entities, sources, views, then services; creates before updates before deletes.
    public var changes: [RegistryChange]

    /// Whether the definitions equal the registry.
    public var isEmpty: Bool { changes.isEmpty }

    /// Feature views whose stored online rows no longer match their definition (new or
    /// changed features or keys): they need `materialize` again before serving.
    public var viewsNeedingMaterialization: [String]

    /// Compares two sets of definitions.
    /// - Parameters:
    ///   - old: the applied definitions.
    ///   - new: the definitions to apply.
    public init(from old: Manifest, to new: Manifest) {
        changes = []
        changes += Self.compare(old.entities, new.entities, kind: .entity, name: \.name)
        changes += Self.compare(old.sources, new.sources, kind: .source, name: \.name)
        changes += Self.compare(old.featureViews, new.featureViews, kind: .featureView, name: \.name)
        changes += Self.compare(old.featureServices, new.featureServices, kind: .featureService, name: \.name)
        changes += Self.compare(
            old.onDemandFeatureViews, new.onDemandFeatureViews, kind: .onDemandFeatureView, name: \.name)
        viewsNeedingMaterialization = new.featureViews.filter { view in
            guard view.online else { return false }
            guard let previous = old.featureView(named: view.name) else { return true }
            return previous.storedColumns != view.storedColumns || previous.entities != view.entities
                || previous.isAggregation != view.isAggregation
                || previous.longestWindowNanoseconds != view.longestWindowNanoseconds
        }.map(\.name)
    }

    private static func compare<Object: Codable & Equatable>(
        _ old: [Object], _ new: [Object], kind: ObjectKind, name: (Object) -> String
    ) -> [RegistryChange] {
        let oldByName = Dictionary(old.map { (name($0), $0) }, uniquingKeysWith: { first, _ in first })
        let newNames = Set(new.map(name))
        var changes: [RegistryChange] = []
        for object in new {
            if let previous = oldByName[name(object)] {
                if previous != object {
                    changes.append(
                        RegistryChange(
                            action: .update, kind: kind, name: name(object), details: memberChanges(previous, object)))
                }
            } else {
                changes.append(RegistryChange(action: .create, kind: kind, name: name(object), details: []))
            }
        }
        for object in old where !newNames.contains(name(object)) {
            changes.append(RegistryChange(action: .delete, kind: kind, name: name(object), details: []))
        }
        return changes.sorted { order($0.action) < order($1.action) }
    }

    private static func order(_ action: RegistryChange.Action) -> Int {
        switch action {
        case .create: 0
        case .update: 1
        case .delete: 2
        }
    }

    /// One line per top-level member that differs; features are compared by name.
    private static func memberChanges<Object: Encodable>(_ old: Object, _ new: Object) -> [String] {
        let before = jsonObject(old)
        let after = jsonObject(new)
        var lines: [String] = []
        for key in Set(before.keys).union(after.keys).sorted() {
            let a = before[key] ?? NSNull()
            let b = after[key] ?? NSNull()
            guard compact(a) != compact(b) else { continue }
            if key == "expectations", let old = old as? FeatureView, let new = new as? FeatureView {
                lines += new.expectations.changes(from: old.expectations)
            } else if key == "features", let a = a as? [[String: Any]], let b = b as? [[String: Any]],
                a.allSatisfy({ $0["type"] != nil })
            {
                lines += featureChanges(a, b)
            } else {
                lines.append("\(key): \(compact(a)) → \(compact(b))")
            }
        }
        return lines
    }

    private static func featureChanges(_ old: [[String: Any]], _ new: [[String: Any]]) -> [String] {
        func byName(_ list: [[String: Any]]) -> [(String, [String: Any])] {
            list.map { ($0["name"] as? String ?? "", $0) }
        }
        let oldFeatures = Dictionary(byName(old), uniquingKeysWith: { a, _ in a })
        let newFeatures = Dictionary(byName(new), uniquingKeysWith: { a, _ in a })
        var lines: [String] = []
        let added = byName(new).map(\.0).filter { oldFeatures[$0] == nil }
        let removed = byName(old).map(\.0).filter { newFeatures[$0] == nil }
        if !added.isEmpty { lines.append("features added: \(added.joined(separator: ", "))") }
        if !removed.isEmpty { lines.append("features removed: \(removed.joined(separator: ", "))") }
        for (name, feature) in byName(new) {
            guard let previous = oldFeatures[name] else { continue }
            if compact(previous["type"] ?? NSNull()) != compact(feature["type"] ?? NSNull()) {
                lines.append(
                    "feature \(name) type: \(compact(previous["type"] ?? NSNull())) → \(compact(feature["type"] ?? NSNull()))"
                )
            } else if compact(previous) != compact(feature) {
                lines.append("feature \(name): \(compact(previous)) → \(compact(feature))")
            }
        }
        let sameOrder =
            byName(old).map(\.0).filter { newFeatures[$0] != nil }
            == byName(new).map(\.0).filter { oldFeatures[$0] != nil }
        if lines.isEmpty && !sameOrder { lines.append("features reordered") }
        return lines
    }

    private static func jsonObject(_ value: some Encodable) -> [String: Any] {
        guard let data = try? JSONEncoder().encode(value),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        return object
    }

    private static func compact(_ value: Any) -> String {
        if let text = value as? String { return "\"\(text)\"" }
        guard JSONSerialization.isValidJSONObject([value]),
            let data = try? JSONSerialization.data(
                withJSONObject: [value], options: [.sortedKeys, .withoutEscapingSlashes])
        else { return "\(value)" }
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }
}
