import Larder

/// A `POST /push` body: `{"push_source_name", "df": {column: [values]}, "to"}`, `to` one of
/// `online` (the default, also for null), `offline`, `online_and_offline`.
struct PushRequest: Decodable {
    /// The push source.
    var pushSourceName: String
    /// The rows.
    var df: RequestColumns
    /// Where the rows go.
    var to: PushTarget

    private enum CodingKeys: String, CodingKey {
        case pushSourceName = "push_source_name", df, to
    }

    /// Decodes a body.
    /// - Throws: `DecodingError` for a missing or mistyped member; ``APIError`` 400 for an
    ///   unknown `to`.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        pushSourceName = try container.decode(String.self, forKey: .pushSourceName)
        df = try container.decode(RequestColumns.self, forKey: .df)
        let targetName = try container.decodeIfPresent(String.self, forKey: .to) ?? PushTarget.online.rawValue
        guard let target = PushTarget(rawValue: targetName) else {
            throw APIError.invalidRequest(
                "'to' must be one of \(PushTarget.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")), not '\(targetName)'"
            )
        }
        to = target
    }
}

/// A `POST /write-to-online-store` body: `{"feature_view_name", "df": {column: [values]}}`,
/// what Feast's remote online store sends.
struct WriteToOnlineStoreRequest: Decodable {
    /// The feature view.
    var featureViewName: String
    /// The rows.
    var df: RequestColumns

    private enum CodingKeys: String, CodingKey {
        case featureViewName = "feature_view_name", df
    }
}
