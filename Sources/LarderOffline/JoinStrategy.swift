public import LarderStores
/// How a point-in-time join finds each entity row's winner. Both give identical results;
/// they differ only in speed.
public enum JoinStrategy: String, Sendable, Hashable, CaseIterable {
    /// Choose per chunk of entity rows and per view: a sorted scan when the chunk is large
    /// relative to the view's rows, index searches otherwise.
    case automatic
    /// One index search per entity row; best for few entity rows against many feature rows.
    case indexSearch
    /// Sort the chunk's entity rows by key and time and merge them with one scan of the view's
    /// rows in the same order; best when entity rows are many.
    case sortedScan
}
