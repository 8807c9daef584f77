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

/// A small, fast, seeded random number generator (SplitMix64), so runs draw the same keys.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    /// Creates a generator.
    /// - Parameter seed: the seed.
    init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    /// - Returns: the bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
