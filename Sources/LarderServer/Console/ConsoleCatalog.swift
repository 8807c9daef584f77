import Larder
import LarderCore

/// The applied registry seen from the console: the definitions and the relations between
/// them that the pages show (which views read a source, which services use a view), worked
/// out once per request.
struct ConsoleCatalog: Sendable {
    /// The registry.
    let registry: Registry
    /// Views by the source they read.
    let viewsBySource: [String: [FeatureView]]
    /// Services by the views they select from.
    let servicesByView: [String: [FeatureService]]
    /// Views by the entities they are keyed by.
    let viewsByEntity: [String: [FeatureView]]

    /// The catalog of a registry.
    /// - Parameter registry: the applied registry.
    init(registry: Registry) {
        self.registry = registry
        let manifest = registry.manifest
        viewsBySource = Dictionary(grouping: manifest.featureViews, by: \.source)
        var services: [String: [FeatureService]] = [:]
        for service in manifest.featureServices {
            for view in Set(service.selections.map(\.featureView)) { services[view, default: []].append(service) }
        }
        servicesByView = services
        var entities: [String: [FeatureView]] = [:]
        for view in manifest.featureViews {
            for entity in view.entities { entities[entity, default: []].append(view) }
        }
        viewsByEntity = entities
    }

    /// The definitions.
    var manifest: Manifest { registry.manifest }

    /// The join keys a view is read with, in the order of its entities.
    /// - Parameter view: the view.
    /// - Returns: the keys.
    func joinKeys(of view: FeatureView) -> [JoinKey] {
        view.entities.flatMap { manifest.entity(named: $0)?.joinKeys ?? [] }
    }

    /// The join keys a service is read with: those of its views, each once, in order.
    /// - Parameter service: the service.
    /// - Returns: the keys.
    func joinKeys(of service: FeatureService) -> [JoinKey] {
        let views = service.selections.compactMap { manifest.featureView(named: $0.featureView) }
        return unique(views.flatMap(joinKeys(of:)))
    }

    /// Every join key of the repository, each once, in the order of the entities.
    var allJoinKeys: [JoinKey] { unique(manifest.entities.flatMap(\.joinKeys)) }

    /// The source a view reads.
    /// - Parameter view: the view.
    /// - Returns: the source, `nil` when the registry does not hold it.
    func source(of view: FeatureView) -> DataSource? { manifest.source(named: view.source) }

    /// When an object was created and last changed by `apply`.
    /// - Parameters:
    ///   - kind: the registry's key prefix (`feature_view`).
    ///   - name: the object's name.
    /// - Returns: its times, if recorded.
    func timestamps(kind: String, name: String) -> ObjectTimestamps? {
        registry.objectTimestamps["\(kind)/\(name)"]
    }

    private func unique(_ keys: [JoinKey]) -> [JoinKey] {
        var seen: Set<String> = []
        return keys.filter { seen.insert($0.name).inserted }
    }
}
