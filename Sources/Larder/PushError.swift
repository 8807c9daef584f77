/// A push or online write that cannot be done: an unknown target or rows that do not fit
/// the feature view's schema.
public struct PushError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem this is, so callers (such as a server) can map it to a response.
    public enum Kind: Sendable, Hashable {
        /// No push source of that name is applied, or no feature view reads from it.
        case unknownSource
        /// No feature view of that name is applied.
        case unknownView
        /// A column is missing, of unequal length, or holds a value of the wrong type.
        case invalidColumns
    }

    /// What kind of problem this is.
    public var kind: Kind
    /// A message naming the source, view, column and row.
    public var message: String

    /// An error.
    /// - Parameters:
    ///   - kind: what kind of problem this is.
    ///   - message: what is wrong and where.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
