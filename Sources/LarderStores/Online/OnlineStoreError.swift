/// An error from the online store, with a message that names what was wrong and where.
public struct OnlineStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem this is, so callers (such as a server) can map it to a response.
    public enum Kind: Sendable, Hashable {
        /// The store's backend failed; the backend's own error code says why (for LMDB, an
        /// `MDB_` code or an `errno` value).
        case storage(Int32)
        /// An entity key has the wrong type, a null, the wrong number of parts, or is too long.
        case invalidEntityKey
        /// A requested feature is not part of the view.
        case unknownFeature
        /// A row to write does not match the view's schema.
        case invalidRow
        /// A view schema cannot be stored online (duplicate names, unsupported key type).
        case invalidSchema
        /// A stored value cannot be decoded.
        case corruptValue
        /// The map reached its configured maximum size.
        case storeFull
        /// The store's server (Redis) cannot be reached or did not answer within the
        /// timeout; the same request may succeed once it is back.
        case unavailable
    }

    /// What kind of problem this is.
    public var kind: Kind
    /// A message a user can act on.
    public var message: String

    /// Creates an error.
    /// - Parameters:
    ///   - kind: what kind of problem this is.
    ///   - message: a message that names the view, key, feature or file involved.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
