/// How a feature value of an online read came about; the raw values are Feast's names.
public enum FeatureStatus: String, Sendable, Codable, Hashable, CaseIterable {
    /// A stored, non-null value.
    case present = "PRESENT"
    /// The key has a stored row, but this feature is null in it.
    case nullValue = "NULL_VALUE"
    /// The key has no stored row.
    case notFound = "NOT_FOUND"
    /// The stored row is older than the view's TTL as of the read time; the value is null,
    /// as a training set built at that time would have it.
    case outsideMaxAge = "OUTSIDE_MAX_AGE"
}
