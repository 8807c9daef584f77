/// A definition that cannot be applied: which object, which field, and what is wrong.
public struct DefinitionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The object, such as `feature view 'user_stats'`.
    public var object: String
    /// The field within it, such as `entities[0]`; empty when the object as a whole is wrong.
    public var field: String
    /// What is wrong and what was expected.
    public var message: String

    /// A definition error.
    /// - Parameters:
    ///   - object: the object, such as `feature view 'user_stats'`.
    ///   - field: the field, or empty.
    ///   - message: what is wrong.
    public init(object: String, field: String = "", _ message: String) {
        self.object = object
        self.field = field
        self.message = message
    }

    /// A malformed manifest document, located by its coding path.
    /// - Parameter error: the decoder's error.
    public init(decoding error: DecodingError) {
        let (path, message): ([any CodingKey], String) =
            switch error {
            case .keyNotFound(let key, let context): (context.codingPath + [key], "is missing")
            case .typeMismatch(let type, let context):
                (context.codingPath, "should be \(type): \(context.debugDescription)")
            case .valueNotFound(let type, let context): (context.codingPath, "should be \(type), found null")
            case .dataCorrupted(let context): (context.codingPath, context.debugDescription)
            @unknown default: ([], "\(error)")
            }
        let field = path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        self.init(object: "manifest", field: field.hasPrefix(".") ? String(field.dropFirst()) : field, message)
    }

    /// `feature view 'user_stats', field 'entities[0]': unknown entity 'usr'`.
    public var description: String {
        field.isEmpty ? "\(object): \(message)" : "\(object), field '\(field)': \(message)"
    }
}

/// Several definition errors found together, so a user can fix them all in one go.
public struct DefinitionErrors: Error, Sendable, CustomStringConvertible {
    /// The errors, in the order the definitions were checked.
    public var errors: [DefinitionError]

    /// A list of errors.
    /// - Parameter errors: the errors (at least one).
    public init(_ errors: [DefinitionError]) {
        self.errors = errors
    }

    /// One error per line.
    public var description: String {
        errors.count == 1
            ? errors[0].description
            : "\(errors.count) problems in the definitions:\n" + errors.map { "  - \($0)" }.joined(separator: "\n")
    }
}
