/// A table file format, chosen by extension or explicitly.
public enum FileFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case csv, parquet

    /// The format a path's extension names (`.csv`, `.parquet`, `.pq`), or `nil`.
    /// - Parameter path: a file path.
    public init?(path: String) {
        let lower = path.lowercased()
        if lower.hasSuffix(".csv") {
            self = .csv
        } else if lower.hasSuffix(".parquet") || lower.hasSuffix(".pq") {
            self = .parquet
        } else {
            return nil
        }
    }
}
