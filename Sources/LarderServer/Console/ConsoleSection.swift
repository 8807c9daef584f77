/// The console's sections, in the order of its navigation. A new kind of page (data quality,
/// aggregations and transformations) joins by adding a case here, with its route in
/// ``ConsoleRoutes``.
enum ConsoleSection: String, CaseIterable, Sendable {
    /// The project, its stores, counts and freshness.
    case overview
    /// Entities and their join keys.
    case entities
    /// File and push sources.
    case sources
    /// Feature views.
    case featureViews = "feature-views"
    /// Feature services.
    case featureServices = "feature-services"
    /// Online lookups.
    case lookup

    /// The section's path under `/ui`.
    var path: String {
        self == .overview ? ConsoleRoutes.root : "\(ConsoleRoutes.root)/\(rawValue)"
    }

    /// The section's name in the navigation and its page titles.
    var title: String {
        switch self {
        case .overview: "Overview"
        case .entities: "Entities"
        case .sources: "Sources"
        case .featureViews: "Feature views"
        case .featureServices: "Feature services"
        case .lookup: "Lookup"
        }
    }

    /// The path of one object's detail page in this section.
    /// - Parameter name: the object's name.
    /// - Returns: `/ui/feature-views/NAME`, with the name percent-encoded.
    func path(of name: String) -> String {
        "\(path)/\(ConsoleURL.encodeComponent(name))"
    }
}
