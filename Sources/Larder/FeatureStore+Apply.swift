public import LarderCore
import Foundation

extension FeatureStore {
    /// Builds and runs the repository's Swift definitions (incrementally) to get its manifest.
    /// The compiler and the definitions program run as child processes; the caller's task
    /// waits for them without holding a thread.
    /// - Returns: the manifest.
    /// - Throws: ``DefinitionError`` when the definitions do not build or run.
    public func buildManifest() async throws -> Manifest {
        try await DefinitionsBuilder(
            packagePath: resolve(configuration.definitions.package), product: configuration.definitions.product,
            logger: logger
        ).manifest()
    }

    /// Validates definitions and compares them with the registry, writing nothing.
    /// - Parameter manifest: the definitions.
    /// - Returns: what `apply` would change.
    /// - Throws: ``DefinitionErrors`` listing every invalid definition; ``RegistryError``.
    public func plan(_ manifest: Manifest) throws -> RegistryDiff {
        RegistryDiff(from: try registry().manifest, to: try check(manifest))
    }

    /// Validates definitions and, if they differ from the registry, replaces it atomically.
    /// Nothing is written when a definition is invalid.
    /// - Parameters:
    ///   - manifest: the definitions.
    ///   - now: the time recorded for created and updated objects.
    /// - Returns: what changed.
    /// - Throws: ``DefinitionErrors`` listing every invalid definition; ``RegistryError``.
    @discardableResult
    public func apply(_ manifest: Manifest, now: Timestamp = .now) throws -> RegistryDiff {
        let manifest = try check(manifest)
        return try registryStore.withLock {
            var registry = try registryStore.read()
            let diff = RegistryDiff(from: registry.manifest, to: manifest)
            guard !diff.isEmpty else { return diff }
            for change in diff.changes {
                switch change.action {
                case .create: registry.objectTimestamps[change.objectKey] = ObjectTimestamps(created: now, updated: now)
                case .update:
                    registry.objectTimestamps[change.objectKey, default: ObjectTimestamps(created: now, updated: now)]
                        .updated = now
                case .delete: registry.objectTimestamps[change.objectKey] = nil
                }
            }
            for view in diff.viewsNeedingMaterialization { registry.materializations[view] = nil }
            for change in diff.changes where change.kind == .featureView && change.action == .delete {
                registry.materializations[change.name] = nil
            }
            registry.manifest = manifest
            registry.project = configuration.project
            registry.lastUpdated = now
            try registryStore.write(registry)
            try pruneOnlineStore(keeping: manifest)
            logger.info("applied definitions", metadata: ["changes.count": "\(diff.changes.count)"])
            return diff
        }
    }

    /// Empties the online rows of views that are gone, offline or changed in schema, so
    /// nothing stale is ever served; a changed view reads `NOT_FOUND` until it is
    /// materialized again.
    private func pruneOnlineStore(keeping manifest: Manifest) throws {
        guard stores.onlineStoreExists else { return }
        let kept = try manifest.featureViews.filter(\.online).map { try manifest.onlineSchema(for: $0) }
        let pruned = try onlineStore().prune(keeping: kept)
        if !pruned.isEmpty {
            logger.info("emptied online rows of changed or removed views", metadata: ["feature_views": "\(pruned)"])
        }
    }

    /// Every check that must pass before the registry changes: the definitions among
    /// themselves, then each view against its source file's columns.
    /// - Returns: the definitions as the registry keeps them, with the types of aggregated
    ///   event columns read from their files.
    func check(_ manifest: Manifest) throws -> Manifest {
        var errors = manifest.validationErrors()
        var resolved = manifest
        if errors.isEmpty {
            var schemas = SourceSchemaCache()
            for index in resolved.featureViews.indices {
                let (view, typeErrors) = resolvingEventColumnTypes(
                    of: resolved.featureViews[index], manifest: manifest, schemas: &schemas)
                resolved.featureViews[index] = view
                errors +=
                    typeErrors.isEmpty
                    ? sourceColumnErrors(view: view, manifest: manifest, schemas: &schemas) : typeErrors
            }
        }
        if !errors.isEmpty { throw DefinitionErrors(errors) }
        return resolved
    }
}
