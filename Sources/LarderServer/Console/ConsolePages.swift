import Larder
import LarderCore

/// Renders the console's pages from one reading of the registry. Each page is an extension
/// in `ConsolePages+Page.swift`; pages are pure functions of the catalog, the store's
/// configuration and the instant, so tests render them without a server.
struct ConsolePages: Sendable {
    /// The applied definitions and their relations.
    let catalog: ConsoleCatalog
    /// The repository's configuration (project, stores).
    let configuration: StoreConfiguration
    /// The instant freshness is judged at.
    let now: Timestamp

    /// The frame of the pages.
    var layout: ConsoleLayout { ConsoleLayout(project: configuration.project) }

    /// A page in the frame.
    /// - Parameters:
    ///   - title: the heading.
    ///   - section: the current navigation entry.
    ///   - body: the content.
    /// - Returns: the document.
    func page(_ title: String, _ section: ConsoleSection?, _ body: HTML) -> HTML {
        layout.page(title: title, section: section, body: body)
    }

    /// A link to an object's detail page.
    /// - Parameters:
    ///   - section: the object's section.
    ///   - name: its name.
    /// - Returns: the link.
    func link(_ section: ConsoleSection, _ name: String) -> HTML {
        "<a href=\"\(section.path(of: name))\">\(name)</a>"
    }

    /// A definition list of label/value pairs (an object's properties).
    /// - Parameter rows: the pairs.
    /// - Returns: the markup.
    func properties(_ rows: [(String, HTML)]) -> HTML {
        let items = rows.map { label, value -> HTML in "<dt>\(label)</dt><dd>\(value)</dd>" }
        return "<dl class=\"properties\">\(items)</dl>"
    }

    /// A table with a caption, column headers and rows of cells.
    /// - Parameters:
    ///   - caption: what the table shows (read by screen readers, shown above it).
    ///   - headers: the column headers.
    ///   - rows: the rows' cells; a row's first cell is its header cell.
    ///   - rowClasses: a class per row (`stale`), or none.
    ///   - id: the table's element id, if it needs one.
    /// - Returns: the markup.
    func table(
        caption: String, headers: [String], rows: [[HTML]], rowClasses: [String]? = nil, id: String? = nil
    ) -> HTML {
        let head = headers.map { header -> HTML in "<th scope=\"col\">\(header)</th>" }
        let body = rows.enumerated().map { index, cells -> HTML in
            let rowClass = rowClasses.map { $0[index] } ?? ""
            let classAttribute: HTML = rowClass.isEmpty ? "" : " class=\"\(rowClass)\""
            let first: HTML = cells.first.map { "<th scope=\"row\">\($0)</th>" } ?? ""
            let rest = cells.dropFirst().map { cell -> HTML in "<td>\(cell)</td>" }
            return "<tr\(classAttribute)>\(first)\(rest)</tr>"
        }
        let idAttribute: HTML = id.map { " id=\"\($0)\"" } ?? ""
        return """
            <div class="table-wrap"><table\(idAttribute)><caption>\(caption)</caption>
            <thead><tr>\(head)</tr></thead><tbody>\(body)</tbody></table></div>
            """
    }

    /// A page saying an object is not defined, with a link back to its list.
    /// - Parameters:
    ///   - section: the list the object was looked for in.
    ///   - name: the name asked for.
    /// - Returns: the document.
    func notFound(_ section: ConsoleSection, _ name: String) -> HTML {
        page(
            "Not found", section,
            """
            <p role="alert">The repository defines no \(section.title.lowercased()) entry named <code>\(name)</code>.</p>
            <p><a href="\(section.path)">All \(section.title.lowercased())</a></p>
            """)
    }
}
