/// A request field an on-demand feature needs that the request (or the entity file) does not
/// supply, or supplies with values of the wrong type. The feature server answers 400.
public struct RequestDataError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The request field.
    public var field: String
    /// What is wrong.
    public var message: String

    /// An error about a request field.
    /// - Parameters:
    ///   - field: the field's name.
    ///   - message: what is wrong.
    public init(field: String, _ message: String) {
        self.field = field
        self.message = message
    }

    /// `request field 'amount': ...`.
    public var description: String { "request field '\(field)': \(message)" }
}
