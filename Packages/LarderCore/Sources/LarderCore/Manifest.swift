public import Foundation

/// Every definition of a feature repository as data: the document `larder apply` reads.
///
/// Its JSON form is versioned (``currentVersion``) and documented in `docs/manifest.md`, so
/// other tools can produce it.
public struct Manifest: Hashable, Sendable {
    /// The manifest format version this build of Larder writes and reads.
    public static let currentVersion = 2

    /// The format version of this manifest.
    public var version: Int
    /// The entities.
    public var entities: [Entity]
    /// The data sources (file and push).
    public var sources: [DataSource]
    /// The feature views.
    public var featureViews: [FeatureView]
    /// The feature services.
    public var featureServices: [FeatureService]

    /// A manifest from lists of definitions.
    /// - Parameters:
    ///   - entities: the entities.
    ///   - sources: the data sources.
    ///   - featureViews: the feature views.
    ///   - featureServices: the feature services.
    public init(
        entities: [Entity] = [], sources: [DataSource] = [], featureViews: [FeatureView] = [],
        featureServices: [FeatureService] = []
    ) {
        self.version = Self.currentVersion
        self.entities = entities
        self.sources = sources
        self.featureViews = featureViews
        self.featureServices = featureServices
    }

    /// A manifest from a mixed list of definitions, kept in their order within each kind.
    /// - Parameter objects: the definitions.
    public init(objects: [RepositoryObject]) {
        self.init()
        for object in objects {
            switch object {
            case .entity(let entity): entities.append(entity)
            case .source(let source): sources.append(source)
            case .view(let view): featureViews.append(view)
            case .service(let service): featureServices.append(service)
            }
        }
    }

    /// The entity with the given name.
    /// - Parameter name: the entity's name.
    public func entity(named name: String) -> Entity? { entities.first { $0.name == name } }
    /// The source with the given name.
    /// - Parameter name: the source's name.
    public func source(named name: String) -> DataSource? { sources.first { $0.name == name } }
    /// The feature view with the given name.
    /// - Parameter name: the view's name.
    public func featureView(named name: String) -> FeatureView? { featureViews.first { $0.name == name } }
    /// The feature service with the given name.
    /// - Parameter name: the service's name.
    public func featureService(named name: String) -> FeatureService? {
        featureServices.first { $0.name == name }
    }

    /// The manifest as pretty-printed JSON with sorted keys.
    public func jsonText() -> String {
        String(decoding: try! Self.encoder.encode(self), as: UTF8.self)
    }

    /// Reads a manifest from JSON.
    /// - Parameter data: the JSON document.
    /// - Returns: the manifest.
    /// - Throws: ``DefinitionError`` naming the member that is missing, malformed or unknown
    ///   (with the closest known one), the line and column of invalid JSON, or an
    ///   unsupported version.
    public static func decode(from data: Data) throws -> Manifest {
        do {
            return try JSONDecoder().decode(Manifest.self, from: data)
        } catch let error as DecodingError {
            if let problem = JSONSyntaxCheck.firstProblem(in: Array(data)) {
                throw DefinitionError(
                    object: "manifest",
                    "invalid JSON at line \(problem.line), column \(problem.column): \(problem.message)")
            }
            throw DefinitionError(decoding: error)
        }
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}
