/// Training/serving skew of a feature service: for each logged request, the values served
/// compared with the values a training set built at the request's log time holds.
public struct SkewReport: Sendable, Hashable, Encodable {
    /// One feature's comparison.
    public struct Feature: Sendable, Hashable, Encodable {
        /// The feature's name, as a training set names it.
        public var name: String
        /// The logged rows compared.
        public var compared: Int
        /// The rows whose served and recomputed values differ (a null against a value counts).
        public var differing: Int
        /// `differing / compared` (0 when nothing was compared).
        public var share: Double
        /// Whether the share is above the threshold.
        public var skewed: Bool
        /// The first differing row, for a look: its request, the served and the recomputed value.
        public var example: Example?

        enum CodingKeys: String, CodingKey {
            case name, compared, differing, share, skewed, example
        }
    }

    /// A row whose values differ.
    public struct Example: Sendable, Hashable, Encodable {
        /// The request's identifier.
        public var requestID: String
        /// The entity row within it.
        public var entityRow: Int
        /// The value served, as text (`null` for none).
        public var served: String
        /// The value recomputed offline, as text.
        public var recomputed: String

        enum CodingKeys: String, CodingKey {
            case requestID = "request_id"
            case entityRow = "entity_row"
            case served, recomputed
        }
    }

    /// The feature service.
    public var service: String
    /// The earliest log time included.
    public var since: String
    /// The logged rows compared.
    public var rows: Int
    /// The share of differing values above which a feature is skewed.
    public var threshold: Double
    /// The features, in the service's order.
    public var features: [Feature]

    /// The names of the skewed features.
    public var skewed: [String] { features.filter(\.skewed).map(\.name) }

    enum CodingKeys: String, CodingKey {
        case service, since, rows, threshold, features, skewed
    }

    /// Encodes the report, the skewed features' names included.
    /// - Parameter encoder: the encoder.
    /// - Throws: the encoder's errors.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(service, forKey: .service)
        try container.encode(since, forKey: .since)
        try container.encode(rows, forKey: .rows)
        try container.encode(threshold, forKey: .threshold)
        try container.encode(features, forKey: .features)
        try container.encode(skewed, forKey: .skewed)
    }
}
