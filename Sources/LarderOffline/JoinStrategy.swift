public import LarderStores
/// How a point-in-time join finds each entity row's winner. Both give identical results;
/// they differ only in speed.
public enum JoinStrategy: String, Sendable, Hashable, CaseIterable {
    /// Choose per chunk of entity rows and per view: a sorted scan when the chunk is large
    /// relative to the view's rows, index searches otherwise.
    case automatic
    /// One search of the view's table per entity row, in (key, time) order; best unless the
    /// entity rows are nearly as many as the view's rows.
    case indexSearch
    /// Sort the chunk's entity rows by key and time and merge them with one scan of the view's
    /// rows in the same order; best when entity rows are many.
    case sortedScan
}
