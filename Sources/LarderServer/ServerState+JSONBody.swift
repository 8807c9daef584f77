import Hummingbird
import NIOCore

extension ServerState {
    /// Reads a body (``readBody(_:)``) and decodes it with `JSONDecoder`: the bodies of the
    /// write and materialize routes.
    /// - Parameters:
    ///   - type: the request type.
    ///   - request: the request.
    /// - Returns: the decoded body.
    /// - Throws: ``APIError`` 415, 413, or 400 naming the member or the place in the text.
    func decodeBody<Body: Decodable>(_ type: Body.Type, from request: inout Request) async throws -> Body {
        try JSONBodyDecoder.decode(Body.self, from: try await readBody(&request))
    }

    /// Reads a body (``readBody(_:)``) and parses it with ``JSONReader`` as a JSON object: the
    /// online read's body when it is not in the plain form.
    /// - Parameter request: the request.
    /// - Returns: the object.
    /// - Throws: ``APIError`` 415, 413, or 400 for a body that is not a JSON object.
    func readJSONObject(_ request: inout Request) async throws -> JSONValue {
        try parseJSONObject(try await readBody(&request))
    }

    /// Parses a whole body with ``JSONReader`` as a JSON object.
    /// - Parameter buffer: the body.
    /// - Returns: the object.
    /// - Throws: ``APIError`` 400 for a body that is not a JSON object.
    func parseJSONObject(_ buffer: ByteBuffer) throws -> JSONValue {
        let value: JSONValue
        do {
            value = try buffer.withUnsafeReadableBytes { raw in
                try JSONReader.parse(raw.bindMemory(to: UInt8.self))
            }
        } catch let error as JSONReader.SyntaxError {
            throw APIError(.badRequest, "malformed_json", "the body is not valid JSON: \(error)")
        }
        guard case .object = value else {
            throw APIError.invalidRequest("the body must be a JSON object, not \(value.kindDescription)")
        }
        return value
    }
}
