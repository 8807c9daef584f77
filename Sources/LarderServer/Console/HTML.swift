/// A fragment of HTML. Interpolated text is escaped; only another `HTML` value is inserted
/// as markup, so a name from the registry can never become markup by accident.
///
/// ```swift
/// let cell: HTML = "<td>\(view.name)</td>"        // the name is escaped
/// let row: HTML = "<tr>\(cell)</tr>"              // the cell is inserted as markup
/// ```
struct HTML: Sendable, Hashable, ExpressibleByStringInterpolation {
    /// The markup.
    private(set) var markup: String

    /// Markup written in the program's source (a literal is trusted).
    init(stringLiteral value: String) {
        markup = value
    }

    init(stringInterpolation: Interpolation) {
        markup = stringInterpolation.markup
    }

    /// Markup that is already safe (the result of other `HTML` values).
    private init(trusted markup: String) {
        self.markup = markup
    }

    /// No markup.
    static let empty: HTML = ""

    /// Text, escaped.
    /// - Parameter text: any text.
    /// - Returns: the text as markup that shows it verbatim.
    static func text(_ text: some StringProtocol) -> HTML { HTML(trusted: escape(text)) }

    /// The fragments one after the other.
    /// - Parameter fragments: the fragments.
    /// - Returns: their concatenation.
    static func joined(_ fragments: some Sequence<HTML>) -> HTML {
        HTML(trusted: fragments.map(\.markup).joined())
    }

    /// Escapes `&`, `<`, `>`, `"` and `'`, so the text is safe in element content and in
    /// quoted attribute values.
    /// - Parameter text: any text.
    /// - Returns: the escaped text.
    static func escape(_ text: some StringProtocol) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    /// Builds markup from literal parts (trusted) and interpolated values (escaped, unless
    /// they are `HTML`).
    struct Interpolation: StringInterpolationProtocol {
        fileprivate var markup = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            markup.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        mutating func appendLiteral(_ literal: String) { markup += literal }

        mutating func appendInterpolation(_ html: HTML) { markup += html.markup }

        mutating func appendInterpolation(_ fragments: [HTML]) {
            for fragment in fragments { markup += fragment.markup }
        }

        mutating func appendInterpolation(_ text: some StringProtocol) { markup += HTML.escape(text) }

        mutating func appendInterpolation(_ number: Int) { markup += String(number) }
    }
}
