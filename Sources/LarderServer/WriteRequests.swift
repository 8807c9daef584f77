import Larder
import LarderCore

/// A `POST /push` body: `{"push_source_name", "df": {column: [values]}, "to"?}`, read with
/// ``JSONReader`` (a push carries thousands of values; `JSONDecoder` took three times longer
/// per value, docs/BENCHMARKS.md).
struct PushRequest {
    /// The push source.
    var pushSourceName: String
    /// The rows.
    var df: PushColumns
    /// Where the rows go.
    var to: PushTarget

    /// Reads a body.
    /// - Parameter body: the parsed JSON object.
    /// - Throws: ``APIError`` 400 naming a missing or mistyped member, a value that is an
    ///   object or a nested list (`'df.user_id[2]'`), or an unknown `to`.
    init(json body: JSONValue) throws {
        pushSourceName = try body.requiredString("push_source_name")
        df = PushColumns(Dictionary(try body.requiredColumns("df"), uniquingKeysWith: { _, last in last }))
        let targetName = try body.optionalString("to") ?? PushTarget.online.rawValue
        guard let target = PushTarget(rawValue: targetName) else {
            throw APIError.invalidRequest(
                "'to' must be one of \(PushTarget.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")), not '\(targetName)'"
            )
        }
        to = target
    }
}

/// A `POST /write-to-online-store` body: `{"feature_view_name", "df": {column: [values]}}`,
/// what Feast's remote online store sends, read like ``PushRequest``.
struct WriteToOnlineStoreRequest {
    /// The feature view.
    var featureViewName: String
    /// The rows.
    var df: PushColumns

    /// Reads a body.
    /// - Parameter body: the parsed JSON object.
    /// - Throws: ``APIError`` 400 naming a missing or mistyped member or value.
    init(json body: JSONValue) throws {
        featureViewName = try body.requiredString("feature_view_name")
        df = PushColumns(Dictionary(try body.requiredColumns("df"), uniquingKeysWith: { _, last in last }))
    }
}
