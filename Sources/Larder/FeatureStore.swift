import LarderCore
public import Logging
import Foundation

/// A feature repository opened for use: its configuration, registry and stores. Every
/// command, the server and Swift programs go through it.
///
/// Each verb lives in its own extension: `FeatureStore+Apply.swift`, and so on.
public final class FeatureStore: Sendable {
    /// The repository directory (absolute).
    public let repositoryPath: String
    /// The repository's `feature_store.yaml`.
    public let configuration: StoreConfiguration
    /// Where the store logs.
    public let logger: Logger
    /// The registry file (resolved once: the serving path checks it on every request).
    public var registryFile: RegistryFile { registryStore.file }
    /// The registry: its file, cached copy and lock.
    let registryStore: RegistryStore
    /// The stores the configuration names, and their lifetimes.
    let stores: StoreProvider
    /// Online reads, with their plans cached per request and registry version.
    let onlineReader: OnlineReader

    /// Opens the repository in a directory.
    /// - Parameters:
    ///   - repositoryPath: the directory holding `feature_store.yaml`.
    ///   - logger: where to log.
    /// - Throws: ``ConfigurationError`` when the configuration is missing or invalid.
    public init(repositoryPath: String, logger: Logger) throws {
        let absolute = URL(fileURLWithPath: repositoryPath).standardizedFileURL.path
        let file = (absolute as NSString).appendingPathComponent(StoreConfiguration.fileName)
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ConfigurationError(
                file: file, line: nil, key: "",
                message: "no \(StoreConfiguration.fileName) here; run `larder init DIR` or pass --repo DIR")
        }
        self.repositoryPath = absolute
        self.configuration = try StoreConfiguration.parse(yaml: String(decoding: data, as: UTF8.self), file: file)
        self.logger = logger
        registryStore = RegistryStore(
            file: RegistryFile(path: Self.resolve(configuration.registryPath, against: absolute)),
            project: configuration.project)
        stores = StoreProvider(
            configuration: configuration, resolve: { Self.resolve($0, against: absolute) }, logger: logger)
        onlineReader = OnlineReader(registry: registryStore, stores: stores)
    }

    /// A path from the configuration made absolute against the repository directory.
    /// - Parameter path: a relative or absolute path.
    /// - Returns: the absolute path.
    public func resolve(_ path: String) -> String {
        Self.resolve(path, against: repositoryPath)
    }

    private static func resolve(_ path: String, against directory: String) -> String {
        path.hasPrefix("/")
            ? path : URL(fileURLWithPath: directory).appendingPathComponent(path).standardizedFileURL.path
    }

    /// The applied registry, or an empty one when nothing was applied yet.
    /// - Returns: the registry.
    /// - Throws: ``RegistryError`` when the file is unreadable.
    public func registry() throws -> Registry {
        try registryStore.read()
    }

    /// The applied registry, re-read only when its file changed (checked at most every 100
    /// ms), so the serving path sees `apply` without a restart and without a system call or
    /// JSON decoding on every request.
    /// - Returns: the registry (empty when nothing was applied).
    /// - Throws: ``RegistryError`` when the file is unreadable.
    public func currentRegistry() throws -> Registry {
        try registryStore.current()
    }
}
