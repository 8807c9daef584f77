import Yams

/// A `feature_store.yaml` that cannot be used: the file, the key and what is wrong.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// The configuration file.
    public var file: String
    /// The line, when known.
    public var line: Int?
    /// The key, as a dotted path such as `online_store.path`.
    public var key: String
    /// What is wrong and what was expected.
    public var message: String

    /// `feature_store.yaml:3: online_store.type: ...`.
    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(key.isEmpty ? "" : "\(key): ")\(message)"
    }
}

extension StoreConfiguration {
    /// Parses a `feature_store.yaml` document. Unknown keys and bad values are errors.
    /// - Parameters:
    ///   - yaml: the document.
    ///   - file: the file's path, for messages.
    /// - Returns: the configuration, with defaults for what the document leaves out.
    /// - Throws: ``ConfigurationError`` naming the key.
    public static func parse(yaml: String, file: String) throws -> StoreConfiguration {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw ConfigurationError(file: file, line: nil, key: "", message: "not valid YAML: \(error)")
        }
        let reader = YAMLMappingReader(file: file, path: "")
        let top = try reader.mapping(root ?? Node([(Node, Node)]()))
        guard let project = try reader.string(top, "project") else {
            throw ConfigurationError(file: file, line: nil, key: "project", message: "is required (the project's name)")
        }
        var configuration = StoreConfiguration(project: project)
        if let registry = top["registry"] {
            if case .mapping = registry {
                let nested = reader.nested("registry")
                let mapping = try nested.mapping(registry)
                configuration.registryPath = try nested.string(mapping, "path") ?? configuration.registryPath
                try nested.rejectUnknown(mapping, allowed: ["path"])
            } else {
                configuration.registryPath = try reader.string(top, "registry") ?? configuration.registryPath
            }
        }
        if let node = top["offline_store"] {
            let nested = reader.nested("offline_store")
            let mapping = try nested.mapping(node)
            configuration.offlineStore.type =
                try nested.choice(mapping, "type", OfflineStoreConfiguration.types) ?? "sqlite"
            configuration.offlineStore.path = try nested.string(mapping, "path") ?? configuration.offlineStore.path
            configuration.offlineStore.postgres = try PostgresOfflineSettings.parse(mapping, reader: nested)
            try nested.rejectUnknown(mapping, allowed: PostgresOfflineSettings.keys.union(["type", "path"]))
        }
        if let node = top["online_store"] {
            configuration.onlineStore = try parseOnlineStore(node, reader: reader.nested("online_store"))
        }
        if let node = top["definitions"] {
            let nested = reader.nested("definitions")
            let mapping = try nested.mapping(node)
            configuration.definitions.package =
                try nested.string(mapping, "package") ?? configuration.definitions.package
            configuration.definitions.product =
                try nested.string(mapping, "product") ?? configuration.definitions.product
            try nested.rejectUnknown(mapping, allowed: ["package", "product"])
        }
        if let node = top["server"] {
            configuration.server = try parseServer(node, reader: reader.nested("server"))
        }
        if let node = top["feature_logging"] {
            configuration.featureLogging = try parseFeatureLogging(node, reader: reader.nested("feature_logging"))
        }
        try reader.rejectUnknown(
            top,
            allowed: [
                "project", "registry", "offline_store", "online_store", "definitions", "provider", "server",
                "feature_logging",
            ])
        return configuration
    }
}

/// Reads typed values out of YAML mappings, with errors that name the dotted key and line.
struct YAMLMappingReader {
    let file: String
    let path: String

    func nested(_ key: String) -> YAMLMappingReader {
        YAMLMappingReader(file: file, path: qualified(key))
    }

    func qualified(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func error(_ node: Node?, _ key: String, _ message: String) -> ConfigurationError {
        ConfigurationError(file: file, line: node?.mark?.line, key: qualified(key), message: message)
    }

    func mapping(_ node: Node) throws -> Node.Mapping {
        guard case .mapping(let mapping) = node else {
            throw ConfigurationError(
                file: file, line: node.mark?.line, key: path, message: "expected a mapping of keys to values")
        }
        return mapping
    }

    func string(_ mapping: Node.Mapping, _ key: String) throws -> String? {
        guard let node = mapping[key] else { return nil }
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
            throw error(node, key, "expected a non-empty text value")
        }
        return scalar.string
    }

    func choice(_ mapping: Node.Mapping, _ key: String, _ choices: [String]) throws -> String? {
        guard let value = try string(mapping, key) else { return nil }
        guard choices.contains(value) else {
            throw error(mapping[key], key, "'\(value)' is not supported; expected \(choices.joined(separator: " or "))")
        }
        return value
    }

    func positiveInt(_ mapping: Node.Mapping, _ key: String) throws -> Int? {
        guard let node = mapping[key] else { return nil }
        guard let value = node.int, value > 0 else { throw error(node, key, "expected a positive whole number") }
        return value
    }

    func rejectUnknown(_ mapping: Node.Mapping, allowed: Set<String>) throws {
        for (keyNode, _) in mapping {
            let key = keyNode.string ?? "\(keyNode)"
            if !allowed.contains(key) {
                throw error(keyNode, key, "unknown key; expected one of \(allowed.sorted().joined(separator: ", "))")
            }
        }
    }
}
