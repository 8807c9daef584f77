import Foundation
import Hummingbird
import LarderCore
import NIOCore

/// The answer to `POST /push`: `{"status": "ok", "rows", "feature_views"}`.
struct PushResult: Encodable {
    var status = "ok"
    /// Rows received.
    var rows: Int
    /// The views written.
    var featureViews: [String]

    private enum CodingKeys: String, CodingKey {
        case status, rows, featureViews = "feature_views"
    }
}

/// The answer to `POST /write-to-online-store`: `{"status": "ok", "rows", "keys_written"}`.
struct WriteResult: Encodable {
    var status = "ok"
    /// Rows received.
    var rows: Int
    /// Entity keys whose stored values were replaced.
    var keysWritten: Int

    private enum CodingKeys: String, CodingKey {
        case status, rows, keysWritten = "keys_written"
    }
}

/// The answer to `POST /materialize` and `POST /materialize-incremental`:
/// `{"status": "ok", "feature_views": [{"name", "start", "end", "keys_read", "keys_written"}]}`.
struct MaterializeResult: Encodable {
    /// One view's run.
    struct View: Encodable {
        /// The view.
        var name: String
        /// Where its range started, RFC 3339 in UTC.
        var start: Timestamp
        /// Where its range ended, RFC 3339 in UTC.
        var end: Timestamp
        /// Rows read from the offline store.
        var keysRead: Int
        /// Entity keys written to the online store.
        var keysWritten: Int

        private enum CodingKeys: String, CodingKey {
            case name, start, end, keysRead = "keys_read", keysWritten = "keys_written"
        }
    }

    var status = "ok"
    /// The views run.
    var featureViews: [View]

    private enum CodingKeys: String, CodingKey {
        case status, featureViews = "feature_views"
    }
}

/// A 200 response with a JSON body.
/// - Parameter bytes: the body.
func jsonResponse(_ bytes: [UInt8]) -> Response {
    Response(
        status: .ok, headers: [.contentType: "application/json"],
        body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
}

/// A 200 response with an encoded body.
/// - Parameter body: what to encode.
/// - Throws: an `EncodingError`, which only a value JSON cannot hold would raise.
func jsonResponse(encoding body: some Encodable) throws -> Response {
    jsonResponse(Array(try JSONEncoder().encode(body)))
}
