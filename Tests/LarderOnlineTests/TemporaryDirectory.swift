import Foundation

/// A fresh directory under the system's temporary directory, removed with everything in it
/// when the value is released.
final class TemporaryDirectory {
    /// The directory's path.
    let path: String

    /// Creates the directory.
    init() throws {
        let template = NSTemporaryDirectory() + "larder-online-test-XXXXXX"
        var bytes = Array(template.utf8CString)
        guard mkdtemp(&bytes) != nil else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: template])
        }
        path = bytes.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// A path inside the directory.
    func appending(_ name: String) -> String { path + "/" + name }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
