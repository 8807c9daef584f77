/// The frame of every console page: the document head (embedded stylesheet and script),
/// a skip link, the navigation with the current section marked, and the main region.
struct ConsoleLayout: Sendable {
    /// The project's name, shown beside the product's.
    var project: String

    /// A whole page.
    /// - Parameters:
    ///   - title: the page's heading and the first part of its `<title>`.
    ///   - section: the navigation entry marked current.
    ///   - body: what the main region shows below the heading.
    /// - Returns: the document.
    func page(title: String, section: ConsoleSection?, body: HTML) -> HTML {
        let navigation = ConsoleSection.allCases.map { item -> HTML in
            let current: HTML = item == section ? #" aria-current="page""# : ""
            return "<li><a href=\"\(item.path)\"\(current)>\(item.title)</a></li>"
        }
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · \(project) · Larder</title>
            <link rel="icon" href="data:,">
            <link rel="stylesheet" href="\(ConsoleAssets.stylesheet.path)">
            <script src="\(ConsoleAssets.script.path)" defer></script>
            </head>
            <body>
            <a class="skip" href="#main">Skip to content</a>
            <header class="top">
            <a class="brand" href="\(ConsoleRoutes.root)">Larder</a>
            <span class="project" title="project">\(project)</span>
            <nav aria-label="Console sections"><ul>\(navigation)</ul></nav>
            </header>
            <main id="main" tabindex="-1">
            <h1>\(title)</h1>
            \(body)
            </main>
            </body>
            </html>

            """
    }
}
