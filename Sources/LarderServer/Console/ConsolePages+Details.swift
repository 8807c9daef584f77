import Larder
import LarderCore

extension ConsolePages {
    /// An entity's page: its join keys and the views keyed by it; `nil` when not defined.
    func entity(named name: String) -> HTML? {
        guard let entity = catalog.manifest.entity(named: name) else { return nil }
        let keys = table(
            caption: "Join keys", headers: ["Join key", "Type"],
            rows: entity.joinKeys.map { ["<code>\($0.name)</code>", .text($0.type.description)] })
        let views = catalog.viewsByEntity[name] ?? []
        return page(
            "Entity \(name)", .entities,
            """
            \(properties([
                ("Description", ConsoleText.orDash(entity.description)), ("Tags", ConsoleText.tags(entity.tags)),
                ("Applied", appliedText(kind: "entity", name: name)),
            ]))
            \(keys)
            <h2>Feature views keyed by \(name)</h2>
            \(lineage(ofViews: views.map(\.name), focus: nil, label: "Lineage of the views keyed by \(name)"))
            """)
    }

    /// A source's page: its file, timestamps, the columns its views read, and the views.
    func source(named name: String) -> HTML? {
        guard let source = catalog.manifest.source(named: name) else { return nil }
        let file = source.fileSource
        let views = catalog.viewsBySource[name] ?? []
        var columns: [[HTML]] = []
        var seen: Set<String> = []
        func add(_ column: String, _ type: String, _ role: HTML) {
            guard seen.insert(column).inserted else { return }
            columns.append(["<code>\(column)</code>", .text(type), role])
        }
        for view in views {
            for key in catalog.joinKeys(of: view) {
                add(file.sourceColumn(for: key.name), key.type.description, "join key")
            }
        }
        add(file.timestampField, "timestamp", "event time")
        if let created = file.createdTimestampColumn { add(created, "timestamp", "created time") }
        for view in views {
            for field in view.features {
                add(
                    file.sourceColumn(for: field.name), field.type.description,
                    "feature of \(link(.featureViews, view.name))")
            }
        }
        var rows: [(String, HTML)] = [
            ("Kind", .text(kind(of: source))), ("Path", "<code>\(file.path)</code>"),
            ("Format", .text(file.resolvedFormat.map { "\($0)" } ?? "unknown")),
            ("Event time column", "<code>\(file.timestampField)</code>"),
            ("Created time column", file.createdTimestampColumn.map { "<code>\($0)</code>" } ?? "—"),
            ("Description", ConsoleText.orDash(descriptionText(of: source))),
        ]
        if case .push = source { rows.insert(("Batch source", "<code>\(file.name)</code>"), at: 2) }
        return page(
            "Source \(name)", .sources,
            """
            \(properties(rows + [("Applied", appliedText(kind: "source", name: name))]))
            \(table(caption: "Columns the feature views read", headers: ["Column", "Type", "Read as"], rows: columns))
            <h2>Lineage</h2>
            \(lineage(ofViews: views.map(\.name), focus: LineageDiagram.Node(section: .sources, name: name),
                label: "Lineage of source \(name)"))
            """)
    }

    /// A feature view's page: schema, TTL, tags, owner, source, freshness, the services
    /// using it, and its lineage. Further sections (aggregations, transformations, data
    /// quality) join through ``featureViewSections(_:)``.
    func featureView(named name: String) -> HTML? {
        guard let view = catalog.manifest.featureView(named: name) else { return nil }
        let services = catalog.servicesByView[name] ?? []
        let keys = catalog.joinKeys(of: view)
        let schema = table(
            caption: "Schema", headers: ["Name", "Type", "Role", "Description"],
            rows: keys.map { ["<code>\($0.name)</code>", .text($0.type.description), "join key", "—"] }
                + view.features.map { field in
                    [
                        "<code>\(field.name)</code>", .text(field.type.description), "feature",
                        ConsoleText.orDash(field.description),
                    ]
                })
        let freshness = catalog.registry.freshness(asOf: now).first { $0.view == name }
        let sections = featureViewSections(view).map { title, body -> HTML in "<h2>\(title)</h2>\(body)" }
        return page(
            "Feature view \(name)", .featureViews,
            """
            \(properties([
                ("Entities", .joined(view.entities.map { link(.entities, $0) }.interspersed(", "))),
                ("Source", link(.sources, view.source)), ("TTL", .text(ConsoleText.ttl(view.ttl))),
                ("Online", view.online ? "yes" : "no"), ("Owner", ConsoleText.orDash(view.owner)),
                ("Description", ConsoleText.orDash(view.description)), ("Tags", ConsoleText.tags(view.tags)),
                ("Freshness", freshness.map { "\(freshnessStatus($0)) newest event \(ConsoleText.time($0.newestEvent))" } ?? "—"),
                ("Used by", services.isEmpty ? "no feature service" : .joined(services.map { link(.featureServices, $0.name) }.interspersed(", "))),
                ("Applied", appliedText(kind: "feature_view", name: name)),
            ]))
            \(schema)
            \(sections)
            <h2>Lineage</h2>
            \(lineage(ofViews: [name], focus: LineageDiagram.Node(section: .featureViews, name: name),
                label: "Lineage of feature view \(name)"))
            <p><a href="\(ConsoleSection.lookup.path)?features=\(ConsoleURL.encodeComponent(view.features.map { "\(name):\($0.name)" }.joined(separator: ",")))">Look up this view's features</a></p>
            """)
    }

    /// The extra sections of a feature view's page, as (heading, content): an aggregation
    /// view's declarations; request-time transformations and data-quality expectations add
    /// their renderings here.
    func featureViewSections(_ view: FeatureView) -> [(String, HTML)] {
        var sections: [(String, HTML)] = []
        if let aggregations = view.aggregations { sections.append(("Aggregations", aggregationList(aggregations))) }
        if !view.expectations.isEmpty { sections.append(("Expectations", expectationList(view.expectations))) }
        return sections
    }

    /// An aggregation view's declarations, readably: `amount · mean · 30d`, the feature it
    /// gives and its type.
    func aggregationList(_ aggregations: [Aggregation]) -> HTML {
        let rows = aggregations.map { aggregation -> [HTML] in
            let declaration = [aggregation.column ?? "events", aggregation.function.rawValue, aggregation.window.text]
                .joined(separator: " · ")
            return [
                "<code>\(aggregation.featureName)</code>", "<code>\(declaration)</code>",
                .text(aggregation.field.type.description), ConsoleText.orDash(aggregation.description),
            ]
        }
        return table(
            caption: "Windowed aggregations over the source's events (the window ends just before the read's time)",
            headers: ["Feature", "Declaration", "Type", "Description"], rows: rows, id: "aggregations")
    }

    /// A feature service's page: its features by view, and the lineage of its views.
    func featureService(named name: String) -> HTML? {
        guard let service = catalog.manifest.featureService(named: name) else { return nil }
        let rows = service.selections.flatMap { selection -> [[HTML]] in
            let view = catalog.manifest.featureView(named: selection.featureView)
            let names = selection.features ?? view?.features.map(\.name) ?? []
            return names.map { feature in
                [
                    "<code>\(selection.featureView):\(feature)</code>", link(.featureViews, selection.featureView),
                    .text(view?.feature(named: feature)?.type.description ?? "?"),
                    ConsoleText.orDash(view?.feature(named: feature)?.description ?? ""),
                ]
            }
        }
        let keys = catalog.joinKeys(of: service).map { "<code>\($0.name)</code>" as HTML }
        let views = service.selections.map(\.featureView)
        return page(
            "Feature service \(name)", .featureServices,
            """
            \(properties([
                ("Owner", ConsoleText.orDash(service.owner)), ("Description", ConsoleText.orDash(service.description)),
                ("Tags", ConsoleText.tags(service.tags)), ("Entity keys", .joined(keys.interspersed(", "))),
                ("Applied", appliedText(kind: "feature_service", name: name)),
            ]))
            \(table(caption: "Features", headers: ["Feature", "Feature view", "Type", "Description"], rows: rows))
            <h2>Lineage</h2>
            \(lineage(ofViews: views, focus: LineageDiagram.Node(section: .featureServices, name: name),
                label: "Lineage of feature service \(name)"))
            <p><a href="\(ConsoleSection.lookup.path)?service=\(ConsoleURL.encodeComponent(name))">Look up this service</a></p>
            """)
    }

    private func appliedText(kind: String, name: String) -> HTML {
        guard let times = catalog.timestamps(kind: kind, name: name) else { return "—" }
        return "created \(ConsoleText.time(times.created)), last changed \(ConsoleText.time(times.updated))"
    }

    private func descriptionText(of source: DataSource) -> String {
        switch source {
        case .file(let file): file.description
        case .push(let push): push.description
        }
    }
}
