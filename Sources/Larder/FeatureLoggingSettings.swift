/// The `feature_logging:` section of `feature_store.yaml`: which feature services the feature
/// server logs, at what sample rate, and how much may wait to be written.
public struct FeatureLoggingSettings: Sendable, Hashable {
    /// The share of requests logged, per feature service (0 to 1); a service not listed is not logged.
    public var sampleRates: [String: Double] = [:]
    /// How many entity rows may wait to be written; a request that would overflow it is not
    /// logged and its rows are counted as dropped.
    public var queueCapacity: Int = 100_000
    /// How many entity rows the writer appends at a time at most; it wakes as soon as this many wait.
    public var batchRows: Int = 10_000
    /// How long rows may wait before the writer appends them anyway, in milliseconds.
    public var flushIntervalMilliseconds: Int = 1_000

    /// No service logged, the default limits.
    public init() {}

    /// Whether any feature service is logged.
    public var isEnabled: Bool { sampleRates.values.contains { $0 > 0 } }
}
