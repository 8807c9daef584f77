import Foundation
import NIOCore

/// Decodes the JSON bodies of the write and materialize routes with Foundation's
/// `JSONDecoder` into their `Decodable` request types. Its errors are ``APIError``s that name
/// what was wrong: the member (`df.user_id[2]`) for a missing, null or mistyped one, and for
/// text that is not JSON, where `JSONSerialization` found the problem.
///
/// The online read does not come here: its requests are read by ``OnlineFeaturesRequest``'s
/// byte-level reader and ``JSONReader`` (docs/ARCHITECTURE.md says why).
enum JSONBodyDecoder {
    /// Decodes a body.
    /// - Parameters:
    ///   - type: the request type.
    ///   - buffer: the body.
    /// - Returns: the request.
    /// - Throws: ``APIError`` 400 naming the member or the place in the text.
    static func decode<Body: Decodable>(_ type: Body.Type, from buffer: ByteBuffer) throws -> Body {
        let data = Data(buffer: buffer)
        do {
            return try JSONDecoder().decode(Body.self, from: data)
        } catch let error as DecodingError {
            throw apiError(error, data: data)
        }
    }

    /// The error answered for a decoding error.
    private static func apiError(_ error: DecodingError, data: Data) -> APIError {
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return APIError(.badRequest, "malformed_json", "the body is not valid JSON: \(syntaxProblem(in: data))")
        case .dataCorrupted(let context):
            return .invalidRequest("'\(memberPath(context.codingPath))': \(context.debugDescription)")
        case .keyNotFound(let key, let context):
            return .invalidRequest("'\(memberPath(context.codingPath + [key]))' is required")
        case .valueNotFound(let type, let context):
            return .invalidRequest("'\(memberPath(context.codingPath))' must be \(kind(of: type)), not null")
        case .typeMismatch(let type, let context) where context.codingPath.isEmpty:
            return .invalidRequest("the body must be \(kind(of: type))")
        case .typeMismatch(let type, let context):
            return .invalidRequest("'\(memberPath(context.codingPath))' must be \(kind(of: type))")
        @unknown default:
            return .invalidRequest("\(error)")
        }
    }

    /// What `JSONSerialization` says is wrong with text that is not JSON, with the character
    /// offset it gives (`Invalid value around character 7.`).
    private static func syntaxProblem(in data: Data) -> String {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch let error as NSError {
            return error.userInfo[NSDebugDescriptionErrorKey] as? String ?? error.localizedDescription
        }
        return data.isEmpty ? "the body is empty" : "it cannot be read"
    }

    /// A coding path as the request spells it: `df.user_id[2]`.
    static func memberPath(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text
    }

    /// What a value of a type is, in JSON's words.
    private static func kind(of type: Any.Type) -> String {
        let name = String(describing: type)
        switch name {
        case "String": return "a string"
        case "Bool": return "true or false"
        case "Int", "Int64": return "an integer"
        case "Double": return "a number"
        default:
            if name.hasPrefix("Array") || name.hasPrefix("[") { return "an array" }
            if name.hasPrefix("Dictionary") || name.hasSuffix("Request") { return "a JSON object" }
            return name
        }
    }
}
