public import LarderCore

/// One column of an offline table: how Larder names it, where it comes from in the source
/// file, and its declared type.
public struct OfflineColumn: Sendable, Hashable, Codable {
    /// The name in Larder: the join key's or the feature's name.
    public var name: String
    /// The column's name in the source file (differs when the user maps fields).
    public var sourceColumn: String
    /// The declared type; the file's type must convert to it without loss.
    public var type: ValueType

    /// A column read from a source column of another name.
    /// - Parameters:
    ///   - name: the name in Larder.
    ///   - sourceColumn: the name in the source file.
    ///   - type: the declared type.
    public init(name: String, sourceColumn: String, type: ValueType) {
        self.name = name
        self.sourceColumn = sourceColumn
        self.type = type
    }

    /// A column with the same name in Larder and in the source file.
    /// - Parameters:
    ///   - name: the name in Larder and in the file.
    ///   - type: the declared type.
    public init(_ name: String, _ type: ValueType) {
        self.init(name: name, sourceColumn: name, type: type)
    }
}

/// What the offline store needs to know about a feature view: its source file, its keys and
/// timestamps, its features, and its time-to-live. Data only; the definitions layer maps
/// feature views onto it.
public struct OfflineTable: Sendable, Hashable {
    /// The feature view's name, which names the table in the store.
    public var name: String
    /// The source file.
    public var sourcePath: String
    /// The source file's format.
    public var format: FileFormat
    /// The join keys, in the order they identify an entity.
    public var joinKeys: [OfflineColumn]
    /// The source column holding each row's event timestamp.
    public var eventTimestampColumn: String
    /// The source column holding each row's creation timestamp, which breaks ties between
    /// rows with equal event timestamps; `nil` when the source has none.
    public var createdTimestampColumn: String?
    /// The features, in definition order.
    public var features: [OfflineColumn]
    /// How far back a row stays visible to a point-in-time join; `nil` or zero for no limit.
    public var ttl: Duration?
    /// The view's expectations, checked by ingestion (``ExpectationCheckedReader``); `nil`
    /// for none.
    public var expectations: ExpectationSuite?

    /// A table description.
    /// - Parameters:
    ///   - name: the feature view's name.
    ///   - sourcePath: the source file.
    ///   - format: the source file's format.
    ///   - joinKeys: the join keys.
    ///   - eventTimestampColumn: the source's event timestamp column.
    ///   - createdTimestampColumn: the source's creation timestamp column, if any.
    ///   - features: the features.
    ///   - ttl: the time-to-live; `nil` or zero for unbounded lookback.
    public init(
        name: String, sourcePath: String, format: FileFormat, joinKeys: [OfflineColumn],
        eventTimestampColumn: String, createdTimestampColumn: String? = nil, features: [OfflineColumn],
        ttl: Duration? = nil
    ) {
        self.name = name
        self.sourcePath = sourcePath
        self.format = format
        self.joinKeys = joinKeys
        self.eventTimestampColumn = eventTimestampColumn
        self.createdTimestampColumn = createdTimestampColumn
        self.features = features
        self.ttl = ttl
    }

    /// The lookback limit in nanoseconds, or `nil` when lookback is unbounded.
    package var ttlNanoseconds: Int64? {
        guard let ttl, ttl > .zero else { return nil }
        return ttl.totalNanoseconds
    }

    /// The earliest event time visible at `time` with a lookback of `ttl` nanoseconds
    /// (inclusive), saturating at the smallest time; the smallest time when `ttl` is `nil`.
    package static func windowStart(at time: Int64, ttl: Int64?) -> Int64 {
        guard let ttl else { return .min }
        let (start, overflow) = time.subtractingReportingOverflow(ttl)
        return overflow ? .min : start
    }

    /// The feature with the given Larder name.
    /// - Parameter name: the feature's name.
    package func feature(named name: String) -> OfflineColumn? {
        features.first { $0.name == name }
    }
}
