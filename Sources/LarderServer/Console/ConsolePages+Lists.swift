import Larder
import LarderCore

/// One row of a searchable list: its cells and the text a search matches against.
struct ConsoleListRow: Sendable {
    /// The cells; the first is the object's link.
    var cells: [HTML]
    /// Names, descriptions, owners, tags, features: what a search looks in.
    var searchText: String
}

extension ConsolePages {
    /// A searchable list page. The search works as a plain form (the server filters, so it
    /// works without JavaScript); the script filters the rows as the user types.
    /// - Parameters:
    ///   - section: the list's section.
    ///   - query: the search text, empty for every object.
    ///   - headers: the column headers.
    ///   - rows: every object's row.
    /// - Returns: the document.
    func list(_ section: ConsoleSection, query: String, headers: [String], rows: [ConsoleListRow]) -> HTML {
        let needle = query.trimmingSpaces.lowercased()
        let shown = needle.isEmpty ? rows : rows.filter { $0.searchText.lowercased().contains(needle) }
        let noun = section.title.lowercased()
        let status =
            needle.isEmpty
            ? "\(rows.count) \(noun)" : "\(shown.count) of \(rows.count) \(noun) match “\(query.trimmingSpaces)”"
        let tableRows = shown.map { row -> HTML in
            let first: HTML = row.cells.first.map { "<th scope=\"row\">\($0)</th>" } ?? ""
            let rest = row.cells.dropFirst().map { cell -> HTML in "<td>\(cell)</td>" }
            return "<tr data-search=\"\(row.searchText.lowercased())\">\(first)\(rest)</tr>"
        }
        let head = headers.map { header -> HTML in "<th scope=\"col\">\(header)</th>" }
        return page(
            section.title, section,
            """
            <form class="search" role="search" method="get" action="\(section.path)">
            <label for="search">Search \(noun)</label>
            <input id="search" name="q" type="search" value="\(query)" data-filter="object-list" autocomplete="off">
            <button type="submit">Search</button>
            </form>
            <p id="list-status" role="status" aria-live="polite">\(status)</p>
            <div class="table-wrap"><table id="object-list"><caption class="visually-hidden">\(section.title)</caption>
            <thead><tr>\(head)</tr></thead><tbody>\(tableRows)</tbody></table></div>
            """)
    }

    /// The entities' list.
    func entities(query: String) -> HTML {
        let rows = catalog.manifest.entities.map { entity in
            let keys = entity.joinKeys.map { "\($0.name) (\($0.type.description))" }.joined(separator: ", ")
            let views = catalog.viewsByEntity[entity.name] ?? []
            return ConsoleListRow(
                cells: [
                    link(.entities, entity.name), .text(keys), ConsoleText.orDash(entity.description),
                    .joined(views.map { link(.featureViews, $0.name) }.interspersed(", ")),
                ],
                searchText: ([entity.name, keys, entity.description] + views.map(\.name) + tagText(entity.tags))
                    .joined(separator: " "))
        }
        return list(
            .entities, query: query, headers: ["Name", "Join keys", "Description", "Feature views"], rows: rows)
    }

    /// The sources' list.
    func sources(query: String) -> HTML {
        let rows = catalog.manifest.sources.map { source in
            let file = source.fileSource
            let views = catalog.viewsBySource[source.name] ?? []
            return ConsoleListRow(
                cells: [
                    link(.sources, source.name), .text(kind(of: source)), "<code>\(file.path)</code>",
                    .joined(views.map { link(.featureViews, $0.name) }.interspersed(", ")),
                ],
                searchText: ([source.name, kind(of: source), file.path, file.description] + views.map(\.name))
                    .joined(separator: " "))
        }
        return list(.sources, query: query, headers: ["Name", "Kind", "Path", "Feature views"], rows: rows)
    }

    /// The feature views' list.
    func featureViews(query: String) -> HTML {
        let rows = catalog.manifest.featureViews.map { view in
            ConsoleListRow(
                cells: [
                    link(.featureViews, view.name), .text(view.entities.joined(separator: ", ")),
                    "\(view.features.count)", .text(ConsoleText.ttl(view.ttl)), ConsoleText.orDash(view.owner),
                    ConsoleText.orDash(view.description),
                ],
                searchText: ([view.name, view.owner, view.description, view.source] + view.entities
                    + view.features.map(\.name) + tagText(view.tags)).joined(separator: " "))
        }
        return list(
            .featureViews, query: query, headers: ["Name", "Entities", "Features", "TTL", "Owner", "Description"],
            rows: rows)
    }

    /// The feature services' list.
    func featureServices(query: String) -> HTML {
        let rows = catalog.manifest.featureServices.map { service in
            let references = (try? catalog.manifest.references(ofService: service.name)) ?? []
            let views = service.selections.map(\.featureView)
            return ConsoleListRow(
                cells: [
                    link(.featureServices, service.name),
                    .joined(views.map { link(.featureViews, $0) }.interspersed(", ")), "\(references.count)",
                    ConsoleText.orDash(service.owner), ConsoleText.orDash(service.description),
                ],
                searchText: ([service.name, service.owner, service.description] + views
                    + references.map(\.description) + tagText(service.tags)).joined(separator: " "))
        }
        return list(
            .featureServices, query: query, headers: ["Name", "Feature views", "Features", "Owner", "Description"],
            rows: rows)
    }

    /// `file` or `push`.
    func kind(of source: DataSource) -> String {
        switch source {
        case .file: "file"
        case .push: "push"
        }
    }

    private func tagText(_ tags: [String: String]) -> [String] {
        tags.map { "\($0.key)=\($0.value)" }
    }
}

extension Array where Element == HTML {
    /// The fragments with a separator between each two.
    /// - Parameter separator: the separator's text.
    /// - Returns: the fragments and separators.
    func interspersed(_ separator: String) -> [HTML] {
        enumerated().flatMap { index, element in index == 0 ? [element] : [.text(separator), element] }
    }
}

extension String {
    /// The text without leading and trailing spaces.
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text = text.dropFirst() }
        while text.last?.isWhitespace == true { text = text.dropLast() }
        return String(text)
    }
}
