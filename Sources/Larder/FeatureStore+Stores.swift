public import LarderCore
public import LarderStores
import Foundation

extension FeatureStore {
    /// Opens the offline store the configuration names (creating it if needed). Each call
    /// opens a new connection to a `sqlite` store: use it from one thread.
    /// - Returns: the store.
    /// - Throws: when the database cannot be opened.
    public func openOfflineStore() throws -> any OfflineStore {
        try stores.offline()
    }

    /// The online store the configuration names, opened once and shared (it is safe to use
    /// from many threads).
    /// - Returns: the store.
    /// - Throws: ``OnlineStoreError`` when it cannot be opened.
    public func onlineStore() throws -> any OnlineStore {
        try stores.online()
    }

    /// How the offline store sees a feature view: its source file, keys, timestamps,
    /// features and TTL.
    /// - Parameters:
    ///   - view: the view.
    ///   - manifest: the definitions the view belongs to.
    /// - Returns: the description.
    /// - Throws: ``DefinitionError`` when the view's entities or source are not defined.
    public func offlineTable(for view: FeatureView, in manifest: Manifest) throws -> OfflineTable {
        let file = try sourceFile(of: view, in: manifest)
        return OfflineTable(
            name: view.name, sourcePath: path(of: file), format: file.resolvedFormat ?? .csv,
            joinKeys: try joinKeys(of: view, in: manifest).map {
                OfflineColumn(name: $0.name, sourceColumn: file.sourceColumn(for: $0.name), type: $0.type)
            },
            eventTimestampColumn: file.timestampField, createdTimestampColumn: file.createdTimestampColumn,
            features: view.features.map {
                OfflineColumn(name: $0.name, sourceColumn: file.sourceColumn(for: $0.name), type: $0.type)
            },
            ttl: view.ttl)
    }

    /// How the online store sees a feature view: its keys, features and TTL.
    /// - Parameters:
    ///   - view: the view.
    ///   - manifest: the definitions the view belongs to.
    /// - Returns: the schema.
    /// - Throws: ``DefinitionError`` when the view's entities are not defined.
    public func onlineSchema(for view: FeatureView, in manifest: Manifest) throws -> OnlineViewSchema {
        OnlineViewSchema(
            name: view.name,
            joinKeys: try joinKeys(of: view, in: manifest).map { OnlineColumn(name: $0.name, type: $0.type) },
            features: view.features.map { OnlineColumn(name: $0.name, type: $0.type) },
            ttl: view.ttl)
    }

    /// The join keys of a view's entities, in declared order.
    func joinKeys(of view: FeatureView, in manifest: Manifest) throws -> [JoinKey] {
        try view.entities.flatMap { name -> [JoinKey] in
            guard let entity = manifest.entity(named: name) else {
                throw DefinitionError(object: "feature view '\(view.name)'", field: "entities", "unknown entity '\(name)'")
            }
            return entity.joinKeys
        }
    }

    /// The file behind a view's source (a push source's batch file).
    func sourceFile(of view: FeatureView, in manifest: Manifest) throws -> FileSource {
        guard let source = manifest.source(named: view.source) else {
            throw DefinitionError(object: "feature view '\(view.name)'", field: "source", "unknown source '\(view.source)'")
        }
        return source.fileSource
    }

    /// The applied views with the given names (all when `names` is `nil`), in registry order.
    /// - Throws: ``DefinitionError`` naming a view that is not in the registry.
    func views(named names: [String]?, in manifest: Manifest) throws -> [FeatureView] {
        guard let names else { return manifest.featureViews }
        return try names.map { name in
            guard let view = manifest.featureView(named: name) else {
                throw DefinitionError(
                    object: "feature view '\(name)'",
                    "is not in the registry (applied: \(manifest.featureViews.map(\.name).joined(separator: ", ")))")
            }
            return view
        }
    }
}
