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
        case let error as MaterializeWindowError:
            self.init(.badRequest, "invalid_window", error.description)
        case let error as PushError:
            switch error.kind {
            case .unknownSource: self.init(.notFound, "unknown_push_source", error.message)
            case .unknownView: self.init(.notFound, "unknown_feature_view", error.message)
            case .invalidColumns: self.init(.unprocessableContent, "invalid_columns", error.message)
            }
        case let error as OnlineStoreError:
            switch error.kind {
            case .unknownFeature: self.init(.notFound, "unknown_feature", error.message)
            case .invalidEntityKey: self.init(.badRequest, "invalid_entity_key", error.message)
            case .invalidRow: self.init(.badRequest, "invalid_row", error.message)
            case .storeFull: self.init(.serviceUnavailable, "store_full", error.message)
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

    /// The JSON body.
    var body: [UInt8] {
        var writer = JSONWriter(capacity: detail.utf8.count + 40)
        writer.raw("{\"error\":")
        writer.string(error)
        writer.raw(",\"detail\":")
        writer.string(detail)
        writer.byte("}")
        return writer.bytes
    }

    /// The response.
    var response: Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
