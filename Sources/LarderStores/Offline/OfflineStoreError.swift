/// A failure of the offline store that a user can act on: what was wrong and where.
public struct OfflineStoreError: Error, Sendable, CustomStringConvertible {
    /// The broad class of failure, for mapping onto exit codes or HTTP statuses.
    public enum Kind: String, Sendable, Hashable {
        /// A feature view's description is unusable (duplicate or reserved names, no keys).
        case invalidDefinition
        /// A source file lacks a column, has one of the wrong type, or holds a bad row.
        case invalidSource
        /// The entity table or the feature request is unusable (missing or mistyped column,
        /// clashing output names).
        case invalidRequest
        /// A feature view or feature is not in the store.
        case notFound
        /// The store holds a feature view ingested from another definition.
        case outOfDate
    }

    /// The class of failure.
    public var kind: Kind
    /// What is wrong, naming the file, line, column, feature view or feature.
    public var message: String

    /// An error of a kind with a message.
    /// - Parameters:
    ///   - kind: the class of failure.
    ///   - message: what is wrong and where.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
