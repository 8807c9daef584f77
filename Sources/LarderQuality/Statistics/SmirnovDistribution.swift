#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The distribution of the one-sided Kolmogorov–Smirnov statistic `D+_n`
/// (`scipy.special.smirnov`), which the two-sided distribution uses in its tail.
public enum SmirnovDistribution {
    /// Above this `n` the survival is Smirnov's approximation `exp(-(6nx+1)²/(18n))`, as scipy
    /// does rather than sum a million terms.
    static let largestSummedSize = 1_000_000

    /// `P(D+_n > x)`.
    ///
    /// Computed with the Birnbaum–Tingey sum
    /// `sum_{v=0}^{floor(n(1-x))} C(n,v) x (x + v/n)^(v-1) (1 - x - v/n)^(n-v)`, whose terms are
    /// all positive; each term is formed in logarithms (the binomial coefficient updated term by
    /// term), and the sum stops once the remaining terms cannot change it.
    /// - Parameters:
    ///   - n: the sample size, at least 1.
    ///   - x: the statistic, in [0, 1].
    /// - Returns: the survival probability.
    public static func survival(_ n: Int, _ x: Double) -> Double {
        guard n > 0, x >= 0, x <= 1 else { return .nan }
        if n == 1 { return 1 - x }
        if x == 0 { return 1 }
        if x == 1 { return 0 }
        let nx = Double(n) * x
        let nxFloor = Int(nx.rounded(.down))
        if nxFloor == 0 || (nx == 1) {
            return min(max(1 - x * pow(1 + x, Double(n - 1)), 0), 1)
        }
        if -2 * Double(n) * x * x < -708.39641853226410622 { return 0 }
        if nxFloor >= n - 1 { return pow(1 - x, Double(n)) }
        if n > largestSummedSize {
            let logP = -pow(6.0 * Double(n) * x + 1, 2) / 18.0 / Double(n)
            // For a small p-value exp is precise; otherwise the complement is taken from expm1.
            return logP < -log(2.0) ? exp(logP) : 1 - (-expm1(logP))
        }
        return min(max(birnbaumTingeySum(n, x), 0), 1)
    }

    static func birnbaumTingeySum(_ n: Int, _ x: Double) -> Double {
        let size = Double(n)
        let lastTerm = Int((size * (1 - x)).rounded(.down))
        let logX = log(x)
        var logBinomial = 0.0
        var sum = 0.0
        for v in 0...lastTerm {
            if v > 0 { logBinomial += log(Double(n - v + 1) / Double(v)) }
            let shifted = x + Double(v) / size
            let rest = Double(n - v) / size - x
            guard rest > 0 else { continue }
            var logTerm = logBinomial + logX
            if v != 1 { logTerm += Double(v - 1) * log(shifted) }
            logTerm += Double(n - v) * log(rest)
            let term = exp(logTerm)
            sum += term
            if term > 0, v > 1, 4 * Double(lastTerm - v) * term < Double.ulpOfOne * sum { break }
        }
        return sum
    }
}
