/// One definition in a feature repository.
public enum RepositoryObject: Hashable, Sendable {
    case entity(Entity)
    case source(DataSource)
    case view(FeatureView)
    case service(FeatureService)
    case onDemandView(OnDemandFeatureView)
}

/// All the definitions of a feature repository, declared in a builder block:
///
/// ```swift
/// let repository = FeatureRepository {
///     userStats
///     FeatureService("fraud_detection_v1") { userStats }
/// }
/// repository.printManifest()
/// ```
///
/// Entities and sources used by a view, and views used by a service, are included
/// automatically; listing them too is harmless.
public struct FeatureRepository: Sendable {
    /// The definitions as a manifest, ready to print or validate.
    public var manifest: Manifest

    /// A repository from a builder block.
    /// - Parameter objects: entities, sources, views and services.
    public init(@RepositoryBuilder _ objects: () -> [RepositoryObject]) {
        manifest = Manifest(objects: Self.expand(objects()))
    }

    /// Writes the manifest as JSON to standard output: what `larder apply` reads.
    public func printManifest() {
        print(manifest.jsonText())
    }

    /// Adds the objects each definition was declared with, before it, without repeating an
    /// identical object.
    static func expand(_ objects: [RepositoryObject]) -> [RepositoryObject] {
        var result: [RepositoryObject] = []
        var seen = Set<RepositoryObject>()
        func visit(_ object: RepositoryObject) {
            let implied: [RepositoryObject] =
                switch object {
                case .view(let view): view.implicitDeclarations.objects
                case .service(let service): service.selections.flatMap(\.implicitDeclarations.objects)
                case .onDemandView(let view): view.implicitDeclarations.objects
                case .entity, .source: []
                }
            implied.forEach(visit)
            if seen.insert(object).inserted { result.append(object) }
        }
        objects.forEach(visit)
        return result
    }
}

/// Builds the definitions of a ``FeatureRepository``.
@resultBuilder
public enum RepositoryBuilder {
    /// An entity.
    public static func buildExpression(_ entity: Entity) -> [RepositoryObject] { [.entity(entity)] }
    /// A file source.
    public static func buildExpression(_ source: FileSource) -> [RepositoryObject] { [.source(.file(source))] }
    /// A push source.
    public static func buildExpression(_ source: PushSource) -> [RepositoryObject] { [.source(.push(source))] }
    /// A feature view.
    public static func buildExpression(_ view: FeatureView) -> [RepositoryObject] { [.view(view)] }
    /// A feature service.
    public static func buildExpression(_ service: FeatureService) -> [RepositoryObject] { [.service(service)] }
    /// An on-demand feature view.
    public static func buildExpression(_ view: OnDemandFeatureView) -> [RepositoryObject] { [.onDemandView(view)] }
    /// Several definitions.
    public static func buildExpression(_ objects: [RepositoryObject]) -> [RepositoryObject] { objects }
    /// A block of definitions.
    public static func buildBlock(_ parts: [RepositoryObject]...) -> [RepositoryObject] { parts.flatMap { $0 } }
    /// Definitions under `if`.
    public static func buildOptional(_ part: [RepositoryObject]?) -> [RepositoryObject] { part ?? [] }
    /// Definitions under `if`/`else`.
    public static func buildEither(first part: [RepositoryObject]) -> [RepositoryObject] { part }
    /// Definitions under `if`/`else`.
    public static func buildEither(second part: [RepositoryObject]) -> [RepositoryObject] { part }
    /// Definitions from a `for` loop.
    public static func buildArray(_ parts: [[RepositoryObject]]) -> [RepositoryObject] { parts.flatMap { $0 } }
}
