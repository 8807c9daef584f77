/// A file that cannot be read or written, with where and why.
public struct FormatError: Error, Sendable, CustomStringConvertible {
    /// The file's path.
    public var file: String
    /// The physical line (CSV), when known.
    public var line: Int?
    /// The column's name, when known.
    public var column: String?
    /// What is wrong, and what was expected.
    public var message: String

    /// An error at a place in a file.
    /// - Parameters:
    ///   - file: the file's path.
    ///   - line: the physical line, when known.
    ///   - column: the column, when known.
    ///   - message: what is wrong.
    public init(file: String, line: Int? = nil, column: String? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line: column 'x': message`.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let column { text += "column '\(column)': " }
        return text + message
    }
}
