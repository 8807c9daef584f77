/// What the online store holds for a view, compared with the view's current schema.
public enum OnlineViewState: Sendable, Hashable {
    /// Nothing is stored for the view.
    case empty
    /// Rows written with the current schema are stored.
    case materialized(keys: Int)
    /// Rows are stored only under another schema version; they are never read with the
    /// current schema, so the view must be materialized again.
    case schemaChanged(storedVersion: UInt64, keys: Int)
}
