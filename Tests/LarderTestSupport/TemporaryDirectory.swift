public import Foundation

/// A fresh directory of its own for one test, under the system's temporary directory, removed
/// with everything in it when the value is released.
public final class TemporaryDirectory: Sendable {
    /// The directory.
    public let url: URL

    /// Creates the directory, named `larder-test-` and six random characters.
    /// - Throws: when the directory cannot be created.
    public init() throws {
        let pattern = NSTemporaryDirectory() + "larder-test-XXXXXX"
        var template = Array(pattern.utf8CString)
        guard mkdtemp(&template) != nil else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: pattern])
        }
        url = URL(
            fileURLWithPath: String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self),
            isDirectory: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// The directory's path.
    public var path: String { url.path }

    /// The path of a file or folder inside the directory.
    /// - Parameter relative: a path relative to the directory.
    /// - Returns: the full path.
    public func appending(_ relative: String) -> String {
        path + "/" + relative
    }

    /// Writes a UTF-8 text file inside the directory, creating its folders.
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - relative: the file's path relative to the directory.
    /// - Returns: the file's full path.
    /// - Throws: when the file cannot be written.
    @discardableResult
    public func write(_ text: String, to relative: String) throws -> String {
        try write(bytes: Array(text.utf8), to: relative)
    }

    /// Writes a file of bytes inside the directory, creating its folders.
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - relative: the file's path relative to the directory.
    /// - Returns: the file's full path.
    /// - Throws: when the file cannot be written.
    @discardableResult
    public func write(bytes: [UInt8], to relative: String) throws -> String {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file.path
    }

    /// The names of the entries directly inside the directory, sorted.
    /// - Returns: the names.
    /// - Throws: when the directory cannot be listed.
    public func fileNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }
}
