import Larder
import LarderCore

/// A parsed `POST /get-online-features` body, Feast's format:
/// `{"entities": {"user_id": [1, 2]}, "features": ["view:feature"]}` or
/// `"feature_service": "name"`, optional `"full_feature_names": true`, and optional
/// `"request_data": {"amount": [12.5, 3.0]}` for on-demand features (which also find request
/// fields among the `entities` columns, as Feast's clients send them).
struct OnlineFeaturesRequest: Equatable {
    /// What to read: references or a service.
    enum Selection: Equatable {
        case features([FeatureReference])
        case service(String)
    }

    var entities: [EntityColumn]
    var requestData: [EntityColumn] = []
    var selection: Selection
    var fullFeatureNames: Bool

    /// Parses and checks a request body.
    /// - Parameters:
    ///   - body: the JSON object.
    ///   - maxEntityRows: the most entity rows allowed.
    /// - Throws: ``APIError`` 400 naming the field; 413 for too many entity rows.
    init(_ body: JSONValue, maxEntityRows: Int) throws {
        entities = try body.requiredColumns("entities").map { EntityColumn(name: $0.0, values: $0.1) }
        let rows = entities.map { $0.values.count }.max() ?? 0
        guard rows <= maxEntityRows else {
            throw APIError(
                .contentTooLarge, "too_many_entity_rows",
                "the request has \(rows) entity rows; the server accepts at most \(maxEntityRows) (server.max_entity_rows)"
            )
        }
        requestData = try body.optionalColumns("request_data").map { EntityColumn(name: $0.0, values: $0.1) }
        fullFeatureNames = try body.optionalBool("full_feature_names") ?? false
        // Checked even when a service is named, as the document describes every member.
        let references = try body.optionalStrings("features")?.map { text in
            do {
                return try FeatureReference(parsing: text)
            } catch let error as DefinitionError {
                throw APIError.invalidRequest("'features': \(error)")
            }
        }
        if let service = body["feature_service"], service != .null {
            guard case .string(let name) = service else {
                throw APIError.invalidRequest("'feature_service' must be a string, not \(service.kindDescription)")
            }
            selection = .service(name)
        } else if let references, !references.isEmpty {
            selection = .features(references)
        } else {
            throw APIError.invalidRequest(
                "either 'features' (a non-empty list of 'view:feature') or 'feature_service' is required")
        }
    }
}
