/// What the online store needs to know about a feature view, independent of how it was defined.
///
/// Rows are stored under the view's ``version``: a schema with different join keys or
/// features (added, removed, renamed, retyped or reordered) has another version, and rows
/// written under one version are never decoded as another.
public struct OnlineViewSchema: Sendable, Hashable {
    /// The view name.
    public var name: String
    /// The join keys, in declared order; an entity key lists a value for each, in this order.
    public var joinKeys: [OnlineColumn]
    /// The features, in declared order.
    public var features: [OnlineColumn]
    /// How long a stored row stays fresh; `nil` or zero means forever.
    public var ttl: Duration?

    /// Creates a schema.
    /// - Parameters:
    ///   - name: the view name.
    ///   - joinKeys: the join keys, in declared order.
    ///   - features: the features, in declared order.
    ///   - ttl: how long a stored row stays fresh; `nil` or zero means forever.
    public init(name: String, joinKeys: [OnlineColumn], features: [OnlineColumn], ttl: Duration? = nil) {
        self.name = name
        self.joinKeys = joinKeys
        self.features = features
        self.ttl = ttl
    }

    /// The stable identity of the stored layout: a 64-bit FNV-1a hash of the join keys and
    /// the features (names and types, in order). The TTL is not part of it, since changing
    /// it does not change what is stored.
    public var version: UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String) {
            for byte in text.utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
            hash = (hash ^ 0xff) &* 0x0000_0100_0000_01b3
        }
        mix("larder-online-schema-1")
        for key in joinKeys { mix("key"); mix(key.name); mix(key.type.description) }
        for feature in features { mix("feature"); mix(feature.name); mix(feature.type.description) }
        return hash
    }

    /// The TTL in nanoseconds when it bounds freshness, else `nil`.
    package var ttlNanoseconds: Int64? {
        guard let ttl else { return nil }
        let nanoseconds = ttl.totalNanoseconds
        return nanoseconds > 0 ? nanoseconds : nil
    }
}
