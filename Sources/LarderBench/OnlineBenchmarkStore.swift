import LarderStores
import Foundation
import LarderOnline
import LarderRedis

/// A scratch online store for a benchmark run, removed when released: LMDB in a new
/// temporary directory, or a Redis server's keys under a prefix of their own.
final class OnlineBenchmarkStore {
    /// The store.
    let store: any OnlineStore
    private let directory: String?

    /// Opens an empty store of the kind `--store` names (`lmdb`, the default, or `redis`,
    /// at the address `--redis` gives, `redis://127.0.0.1:6379` by default).
    /// - Parameter options: the command-line options.
    /// - Throws: when the directory or the store cannot be created, or the kind is unknown.
    init(_ options: BenchmarkOptions) throws {
        switch options.string("store") ?? "lmdb" {
        case "lmdb":
            var template = Array((NSTemporaryDirectory() + "larder-online-bench-XXXXXX").utf8CString)
            guard mkdtemp(&template) != nil else { throw BenchmarkInputError("cannot create a temporary directory") }
            let directory = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            self.directory = directory
            store = try LMDBOnlineStore(path: directory + "/online")
        case "redis":
            directory = nil
            store = try RedisOnlineStore(
                configuration: .init(
                    connectionString: options.string("redis") ?? "redis://127.0.0.1:6379",
                    keyPrefix: "larder-bench-\(UUID().uuidString):"))
        case let other:
            throw BenchmarkInputError("--store \(other): expected lmdb or redis")
        }
    }

    /// The option names the store takes.
    static let options = ["store", "redis"]

    deinit {
        if let directory {
            try? FileManager.default.removeItem(atPath: directory)
        } else {
            try? store.clear()
        }
    }
}
