#if canImport(Glibc)
import Glibc
#endif

/// Exact latency percentiles from every sample (sorted), in nanoseconds.
struct LatencySamples {
    private var samples: [Int64] = []

    /// Creates an empty set with room for `capacity` samples.
    /// - Parameter capacity: the expected number of samples.
    init(capacity: Int) { samples.reserveCapacity(capacity) }

    /// The monotonic clock in nanoseconds.
    @inline(__always)
    static func now() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
    }

    /// The CPU time the calling thread has used, in nanoseconds.
    static func threadCPUTime() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
    }

    /// Records one sample.
    /// - Parameter nanoseconds: the measured time.
    @inline(__always)
    mutating func record(_ nanoseconds: Int64) { samples.append(nanoseconds) }

    /// The number of samples.
    var count: Int { samples.count }

    /// A summary line: p50, p90, p99, p99.9 and max, in microseconds.
    /// - Returns: the line.
    func summary() -> String {
        let sorted = samples.sorted()
        func at(_ quantile: Double) -> String {
            let index = min(sorted.count - 1, Int(quantile * Double(sorted.count)))
            return microseconds(sorted[index])
        }
        return
            "p50 \(at(0.5)) us, p90 \(at(0.9)) us, p99 \(at(0.99)) us, p99.9 \(at(0.999)) us, max \(microseconds(sorted.last!)) us over \(sorted.count) calls"
    }

    /// A quantile of the samples, in nanoseconds.
    /// - Parameter quantile: 0 to 1.
    /// - Returns: the sample at that quantile.
    func nanoseconds(at quantile: Double) -> Int64 {
        let sorted = samples.sorted()
        return sorted[min(sorted.count - 1, Int(quantile * Double(sorted.count)))]
    }

    private func microseconds(_ nanoseconds: Int64) -> String {
        let tenths = (nanoseconds + 50) / 100
        return "\(tenths / 10).\(tenths % 10)"
    }
}
