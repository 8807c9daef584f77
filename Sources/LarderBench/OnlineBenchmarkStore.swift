import LarderStores
import Foundation
import LarderOnline

/// A scratch online store for a benchmark run, deleted when released.
final class OnlineBenchmarkStore {
    /// The store.
    let store: LMDBOnlineStore
    private let directory: String

    /// Opens an empty store in a new temporary directory.
    /// - Throws: when the directory or the store cannot be created.
    init() throws {
        var template = Array((NSTemporaryDirectory() + "larder-online-bench-XXXXXX").utf8CString)
        guard mkdtemp(&template) != nil else { throw BenchmarkInputError("cannot create a temporary directory") }
        directory = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        store = try LMDBOnlineStore(path: directory + "/online")
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }
}
