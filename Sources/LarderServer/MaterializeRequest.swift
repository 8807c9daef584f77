import LarderCore

/// A `POST /materialize` body: `{"start_ts", "end_ts", "feature_views"?}`.
struct MaterializeRequest: Decodable {
    /// Where the range starts.
    var start: Timestamp
    /// Where the range ends.
    var end: Timestamp
    /// The views, `nil` (absent or null) for every online view.
    var featureViews: [String]?

    private enum CodingKeys: String, CodingKey {
        case start = "start_ts", end = "end_ts", featureViews = "feature_views"
    }

    /// Decodes a body.
    /// - Throws: `DecodingError` for a missing or mistyped member; ``APIError`` 400 for text
    ///   that is not an RFC 3339 timestamp.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        start = try container.decode(RequestTimestamp.self, forKey: .start).timestamp
        end = try container.decode(RequestTimestamp.self, forKey: .end).timestamp
        featureViews = try container.decodeIfPresent([String].self, forKey: .featureViews)
    }
}

/// A `POST /materialize-incremental` body: `{"end_ts", "feature_views"?}`; each view starts
/// where its last run ended.
struct MaterializeIncrementalRequest: Decodable {
    /// Where the range ends.
    var end: Timestamp
    /// The views, `nil` (absent or null) for every online view.
    var featureViews: [String]?

    private enum CodingKeys: String, CodingKey {
        case end = "end_ts", featureViews = "feature_views"
    }

    /// Decodes a body.
    /// - Throws: `DecodingError` for a missing or mistyped member; ``APIError`` 400 for text
    ///   that is not an RFC 3339 timestamp.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        end = try container.decode(RequestTimestamp.self, forKey: .end).timestamp
        featureViews = try container.decodeIfPresent([String].self, forKey: .featureViews)
    }
}
