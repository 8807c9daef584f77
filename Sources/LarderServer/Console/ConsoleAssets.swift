import Crypto

/// A file the console serves from the binary: its path, media type, bytes and entity tag.
struct ConsoleAsset: Sendable {
    /// The path under which it is served.
    let path: String
    /// Its `Content-Type`.
    let contentType: String
    /// Its content.
    let bytes: [UInt8]
    /// A strong entity tag: the first 16 hex digits of the content's SHA-256.
    let etag: String

    init(name: String, contentType: String, text: String) {
        path = "\(ConsoleRoutes.root)/assets/\(name)"
        self.contentType = contentType
        bytes = Array(text.utf8)
        etag =
            "\""
            + SHA256.hash(data: bytes).prefix(8).map { byte in
                let digits = Array("0123456789abcdef")
                return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
            }.joined() + "\""
    }
}

/// The console's stylesheet and script, embedded in the binary: no network, no build step.
/// `ConsoleStylesheet.swift` and `ConsoleScript.swift` hold their text.
enum ConsoleAssets {
    /// `console.css`.
    static let stylesheet = ConsoleAsset(
        name: "console.css", contentType: "text/css; charset=utf-8", text: ConsoleStylesheet.text)
    /// `console.js`.
    static let script = ConsoleAsset(
        name: "console.js", contentType: "text/javascript; charset=utf-8", text: ConsoleScript.text)
    /// Every asset.
    static let all = [stylesheet, script]
}
