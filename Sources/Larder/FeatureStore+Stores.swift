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
        let file = try manifest.sourceFile(of: view)
        var table = OfflineTable(
            name: view.name, sourcePath: path(of: file), format: file.resolvedFormat ?? .csv,
            joinKeys: try manifest.joinKeys(of: view).map {
                OfflineColumn(name: $0.name, sourceColumn: file.sourceColumn(for: $0.name), type: $0.type)
            },
            eventTimestampColumn: file.timestampField, createdTimestampColumn: file.createdTimestampColumn,
            features: view.storedColumns.map {
                OfflineColumn(name: $0.name, sourceColumn: file.sourceColumn(for: $0.name), type: $0.type)
            },
            ttl: view.ttl)
        table.expectations = try manifest.expectationSuite(for: view)
        return table
    }

    /// How the online store sees a feature view: its keys, features and TTL.
    /// - Parameters:
    ///   - view: the view.
    ///   - manifest: the definitions the view belongs to.
    /// - Returns: the schema.
    /// - Throws: ``DefinitionError`` when the view's entities are not defined.
    public func onlineSchema(for view: FeatureView, in manifest: Manifest) throws -> OnlineViewSchema {
        try manifest.onlineSchema(for: view)
    }
}
