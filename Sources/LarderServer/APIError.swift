import Foundation
public import HTTPTypes
import Hummingbird
import Larder
import LarderCore
import LarderStores

/// An error answered to the client as `{"error": "...", "detail": "..."}` with an HTTP
/// status. Every error a route can meet is mapped to one here, in one place.
public struct APIError: Error, Sendable, Hashable {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// A short, stable code, such as `unknown_feature` or `invalid_request`.
    public var error: String
    /// What was wrong, naming the field, feature or view.
    public var detail: String
    /// For 405, the methods the path answers, sent as the `Allow` header.
    var allowedMethods: [HTTPRequest.Method] = []

    /// An error.
    /// - Parameters:
    ///   - status: the HTTP status.
    ///   - error: a short code.
    ///   - detail: what was wrong.
    public init(_ status: HTTPResponse.Status, _ error: String, _ detail: String) {
        self.status = status
        self.error = error
        self.detail = detail
    }

    /// A request that is not well-formed (400).
    static func invalidRequest(_ detail: String) -> APIError { APIError(.badRequest, "invalid_request", detail) }

    /// A known path asked with a method it does not answer (405).
    /// - Parameters:
    ///   - method: the request's method.
    ///   - path: the request's path.
    ///   - allowed: the methods the path answers.
    static func methodNotAllowed(_ method: HTTPRequest.Method, path: String, allowed: [HTTPRequest.Method]) -> APIError
    {
        var error = APIError(
            .methodNotAllowed, "method_not_allowed",
            "\(path) answers \(allowed.map(\.rawValue).joined(separator: ", ")), not \(method.rawValue)")
        error.allowedMethods = allowed
        return error
    }

    /// The error answered for any error thrown while handling a request.
    /// - Parameter error: the error.
    /// - Returns: its status, code and detail; 500 only for failures of the server itself.
    public init(mapping error: any Error) {
        switch error {
        case let error as APIError:
            self = error
        case let error as DefinitionError:
            // Requests name definitions; what they name and is not applied is "not found".
            self.init(.notFound, "not_found", error.description)
        case let error as RequestDataError:
            // A request field the on-demand features need is missing or of the wrong type.
            self.init(.badRequest, "invalid_request_data", error.description)
        case let error as ExpectationError:
            // The rows are well-formed but break the view's declared expectations.
            self.init(.unprocessableContent, "expectation_failed", error.description)
        case let error as MaterializeWindowError:
            self.init(.unprocessableContent, "invalid_window", error.description)
        case let error as PushError:
            switch error.kind {
            case .unknownSource: self.init(.notFound, "unknown_push_source", error.message)
            case .unknownView: self.init(.notFound, "unknown_feature_view", error.message)
            case .invalidColumns: self.init(.unprocessableContent, "invalid_columns", error.message)
            }
        case let error as OnlineStoreError:
            switch error.kind {
            case .unknownFeature: self.init(.notFound, "unknown_feature", error.message)
            // The request has the document's shape but not the repository's keys or columns.
            case .invalidEntityKey: self.init(.unprocessableContent, "invalid_entity_key", error.message)
            case .invalidRow: self.init(.unprocessableContent, "invalid_row", error.message)
            case .storeFull: self.init(.serviceUnavailable, "store_full", error.message)
            case .unavailable: self.init(.serviceUnavailable, "unavailable", error.message)
            default: self.init(.internalServerError, "online_store_error", error.message)
            }
        case let error as OfflineStoreError:
            switch error.kind {
            case .invalidRequest: self.init(.unprocessableContent, "invalid_rows", error.message)
            case .notFound: self.init(.notFound, "not_found", error.message)
            default: self.init(.unprocessableContent, "offline_store_error", error.message)
            }
        case let error as HTTPError where error.status == .contentTooLarge:
            self.init(.contentTooLarge, "body_too_large", "the request body is larger than the server accepts")
        case let error as HTTPError:
            self.init(error.status, "http_error", error.body ?? "\(error.status)")
        default:
            self.init(.internalServerError, "internal_error", "\(error)")
        }
    }

    /// The JSON body, `{"detail": ..., "error": ...}`.
    var body: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Two strings always encode.
        return (try? Array(encoder.encode(["error": error, "detail": detail]))) ?? []
    }

    /// The response.
    var response: Response {
        var headers: HTTPFields = [.contentType: "application/json"]
        if !allowedMethods.isEmpty {
            headers[.allow] = allowedMethods.map(\.rawValue).joined(separator: ", ")
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
