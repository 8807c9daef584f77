import Foundation
import LarderCore

/// What the lookup form asks for, read from its query string: a service or features, entity
/// key values per join key (comma-separated, one per entity row), and full feature names.
/// It becomes the body of an online read, the same document `POST /get-online-features`
/// takes.
struct LookupForm: Sendable, Hashable {
    /// The feature service, empty when features are named instead.
    var service = ""
    /// `view:feature` references, comma-separated; used when no service is chosen.
    var features = ""
    /// The text typed for each join key, by the key's name.
    var keys: [String: String] = [:]
    /// Whether result columns are named `view__feature`.
    var fullFeatureNames = false

    /// The prefix of a join key's query parameter (`key.user_id`), so a key can never be
    /// taken for another field of the form.
    static let keyPrefix = "key."

    /// The form's values from a query's parameters.
    /// - Parameter parameters: the query's (name, value) pairs, decoded.
    init(parameters: [(String, String)]) {
        for (name, value) in parameters {
            switch name {
            case "service": service = value.trimmingSpaces
            case "features": features = value.trimmingSpaces
            case "full_feature_names": fullFeatureNames = value == "true" || value == "on"
            default:
                if name.hasPrefix(Self.keyPrefix) { keys[String(name.dropFirst(Self.keyPrefix.count))] = value }
            }
        }
    }

    /// An empty form.
    init() {}

    /// The feature references typed, in order.
    var featureReferences: [String] {
        features.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }

    /// Whether anything was asked: a service or features, and a key value.
    var isFilledIn: Bool {
        (!service.isEmpty || !featureReferences.isEmpty) && keys.values.contains { !$0.trimmingSpaces.isEmpty }
    }

    /// The online read's JSON body for the join keys the selection needs.
    /// - Parameter joinKeys: the keys the chosen service or views are read with.
    /// - Returns: the body, as `POST /get-online-features` takes it.
    /// - Throws: ``LookupFormError`` naming a key without values or a value that is not of
    ///   the key's type.
    func requestBody(joinKeys: [JoinKey]) throws -> [UInt8] {
        var entities: [(String, [EntityKeyText])] = []
        for key in joinKeys {
            let text = keys[key.name]?.trimmingSpaces ?? ""
            guard !text.isEmpty else { throw LookupFormError("enter at least one value for \(key.name)") }
            entities.append(
                (
                    key.name,
                    try text.split(separator: ",").map { part in
                        let value = String(part).trimmingSpaces
                        switch key.type {
                        case .int64, .int32:
                            guard let number = Int64(value) else {
                                throw LookupFormError(
                                    "\(key.name) is \(key.type.description); '\(value)' is not an integer")
                            }
                            return .integer(number)
                        default:
                            return .text(value)
                        }
                    }
                ))
        }
        // Written by hand so the entity columns keep the order of the join keys, which is the
        // order of the response's key columns.
        let encoder = JSONEncoder()
        func json(_ value: some Encodable) throws -> String {
            String(decoding: try encoder.encode(value), as: UTF8.self)
        }
        let columns = try entities.map { name, values in "\(try json(name)): \(try json(values))" }
        let selection =
            service.isEmpty
            ? "\"features\": \(try json(featureReferences))" : "\"feature_service\": \(try json(service))"
        let body =
            "{\"entities\": {\(columns.joined(separator: ", "))}, \(selection), \"full_feature_names\": \(fullFeatureNames)}"
        return Array(body.utf8)
    }

    /// The form as a query string (for the live update's URL and links).
    var queryString: String {
        var parts = [("service", service), ("features", features)]
        parts += keys.sorted { $0.key < $1.key }.map { (Self.keyPrefix + $0.key, $0.value) }
        if fullFeatureNames { parts.append(("full_feature_names", "true")) }
        return parts.map { "\(ConsoleURL.encodeComponent($0))=\(ConsoleURL.encodeComponent($1))" }
            .joined(separator: "&")
    }
}

/// An entity key value as the online read's JSON holds it.
enum EntityKeyText: Encodable, Hashable {
    case integer(Int64)
    case text(String)

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .integer(let number): try container.encode(number)
        case .text(let text): try container.encode(text)
        }
    }
}

/// A lookup form that cannot become a request, with what to fix.
struct LookupFormError: Error, Sendable, CustomStringConvertible {
    /// What to fix.
    var description: String

    init(_ description: String) { self.description = description }
}
