#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The population stability index of a current sample against a baseline, over the same bins:
/// `sum (c_i - b_i) ln(c_i / b_i)` where `b_i` and `c_i` are the shares of each sample in bin
/// `i`. A share of 0 (an empty bin) is replaced by ``emptyBinShare`` on either side, so an
/// empty bin adds a large but finite term instead of an infinite one.
public enum PopulationStabilityIndex {
    /// The share an empty bin counts as.
    public static let emptyBinShare = 0.0001

    /// The index from the two samples' counts per bin.
    /// - Parameters:
    ///   - baseline: the baseline's count per bin.
    ///   - current: the current sample's count per bin, same bins in the same order.
    /// - Returns: the index; `nil` when either sample has no counts or the bins differ in number.
    public static func index(baseline: [Int], current: [Int]) -> Double? {
        guard baseline.count == current.count else { return nil }
        let baselineTotal = Double(baseline.reduce(0, +))
        let currentTotal = Double(current.reduce(0, +))
        guard baselineTotal > 0, currentTotal > 0 else { return nil }
        var sum = 0.0
        for bin in baseline.indices {
            let expected = max(Double(baseline[bin]) / baselineTotal, emptyBinShare)
            let actual = max(Double(current[bin]) / currentTotal, emptyBinShare)
            sum += (actual - expected) * log(actual / expected)
        }
        return sum
    }
}

/// The Bonferroni correction: with `m` tests at level `alpha`, each is judged at `alpha / m`.
public enum Bonferroni {
    /// The level each of `tests` tests is judged at.
    /// - Parameters:
    ///   - level: the family-wise level, such as 0.05.
    ///   - tests: how many tests are made (at least 1 is assumed).
    /// - Returns: `level / max(tests, 1)`.
    public static func correctedLevel(_ level: Double, tests: Int) -> Double {
        level / Double(max(tests, 1))
    }
}
