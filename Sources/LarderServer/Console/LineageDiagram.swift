/// The lineage picture: sources on the left, feature views in the middle, feature services
/// on the right, an arrow from each source to the views reading it and from each view to
/// the services using it. Drawn as inline SVG; each box links to its object's page, so the
/// picture can be followed with the keyboard, and a text list of the same edges follows it
/// for screen readers.
struct LineageDiagram: Sendable {
    /// A box: its section (for the link and the colour) and its name.
    struct Node: Hashable, Sendable {
        var section: ConsoleSection
        var name: String
    }

    /// The three columns, in order.
    var columns: [[Node]]
    /// The arrows.
    var edges: [(from: Node, to: Node)]
    /// A node to draw emphasised (the page's own object), if any.
    var focus: Node?

    private static let rowHeight = 44
    private static let boxHeight = 30
    private static let columnGap = 70
    private static let characterWidth = 7.6

    /// The picture and its text equivalent.
    func render(label: String) -> HTML {
        let widths = columns.map { column in
            max(120, Int((Double(column.map(\.name.count).max() ?? 0) * Self.characterWidth).rounded(.up)) + 24)
        }
        var lefts: [Int] = []
        var x = 1
        for width in widths {
            lefts.append(x)
            x += width + Self.columnGap
        }
        let width = x - Self.columnGap + 1
        let height = max(1, columns.map(\.count).max() ?? 0) * Self.rowHeight
        var positions: [Node: (x: Int, y: Int, width: Int)] = [:]
        for (index, column) in columns.enumerated() {
            let top = (height - column.count * Self.rowHeight) / 2
            for (row, node) in column.enumerated() {
                positions[node] = (
                    lefts[index], top + row * Self.rowHeight + (Self.rowHeight - Self.boxHeight) / 2, widths[index]
                )
            }
        }
        let half = Self.boxHeight / 2
        let arrows = edges.compactMap { edge -> HTML? in
            guard let from = positions[edge.from], let to = positions[edge.to] else { return nil }
            let startX = from.x + from.width
            let endX = to.x - 2
            let middle = (startX + endX) / 2
            return """
                <path class="edge" d="M\(startX),\(from.y + half) C\(middle),\(from.y + half) \(middle),\(to.y + half) \(endX),\(to.y + half)" marker-end="url(#arrow)"/>
                """
        }
        let boxes = columns.joined().compactMap { node -> HTML? in
            guard let place = positions[node] else { return nil }
            let focused: HTML = node == focus ? " focus" : ""
            return """
                <a href="\(node.section.path(of: node.name))" class="node \(node.section.rawValue)\(focused)">\
                <title>\(node.section.title.dropLast()) \(node.name)</title>\
                <rect x="\(place.x)" y="\(place.y)" width="\(place.width)" height="\(Self.boxHeight)" rx="6"/>\
                <text x="\(place.x + 12)" y="\(place.y + half + 5)">\(node.name)</text></a>
                """
        }
        let described = edges.map { edge -> HTML in "<li>\(edge.from.name) → \(edge.to.name)</li>" }
        return """
            <figure class="lineage">
            <svg role="img" aria-labelledby="lineage-title" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)">
            <title id="lineage-title">\(label)</title>
            <defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>
            \(arrows)
            \(boxes)
            </svg>
            <figcaption><details><summary>Lineage as text</summary><ul>\(described)</ul></details></figcaption>
            </figure>
            """
    }
}

extension ConsolePages {
    /// The lineage of some views: their sources, the views, and the services using them.
    /// - Parameters:
    ///   - views: the views' names, in order.
    ///   - focus: the page's own object.
    ///   - label: the picture's accessible name.
    /// - Returns: the picture, or a sentence when there is nothing to draw.
    func lineage(ofViews views: [String], focus: LineageDiagram.Node?, label: String) -> HTML {
        guard !views.isEmpty else { return "<p>No feature views to draw.</p>" }
        var sources: [LineageDiagram.Node] = []
        var services: [LineageDiagram.Node] = []
        var edges: [(from: LineageDiagram.Node, to: LineageDiagram.Node)] = []
        for name in views {
            let view = LineageDiagram.Node(section: .featureViews, name: name)
            if let source = catalog.manifest.featureView(named: name)?.source {
                let node = LineageDiagram.Node(section: .sources, name: source)
                if !sources.contains(node) { sources.append(node) }
                edges.append((node, view))
            }
            for service in catalog.servicesByView[name] ?? [] {
                let node = LineageDiagram.Node(section: .featureServices, name: service.name)
                if !services.contains(node) { services.append(node) }
                edges.append((view, node))
            }
        }
        let diagram = LineageDiagram(
            columns: [sources, views.map { LineageDiagram.Node(section: .featureViews, name: $0) }, services],
            edges: edges, focus: focus)
        return diagram.render(label: label)
    }
}
