/// The two-sample Kolmogorov–Smirnov test, as `scipy.stats.ks_2samp(a, b)` computes it with its
/// defaults (`alternative='two-sided'`, `method='auto'`).
///
/// The statistic is the largest distance between the two samples' empirical distribution
/// functions. The p-value is exact (the share of lattice paths leaving the band, Hodges'
/// method) when neither sample has more than 10,000 values; otherwise it is the distribution of
/// the one-sample statistic for `n = round(n1 n2 / (n1 + n2))` (``KolmogorovDistribution``).
/// When the exact computation is not a probability (overflow), the asymptotic one is used, as
/// scipy does.
public enum KolmogorovSmirnov {
    /// The largest sample size for which the p-value is computed exactly.
    public static let largestExactSampleSize = 10_000

    /// Tests whether two samples come from the same continuous distribution.
    /// - Parameters:
    ///   - first: the first sample (any order; NaN is not allowed).
    ///   - second: the second sample.
    /// - Returns: the statistic and p-value; `nil` when a sample is empty.
    public static func twoSample(_ first: [Double], _ second: [Double]) -> TestResult? {
        twoSample(sortedFirst: first.sorted(), sortedSecond: second.sorted())
    }

    /// Tests two samples already sorted in ascending order.
    /// - Parameters:
    ///   - sortedFirst: the first sample, ascending.
    ///   - sortedSecond: the second sample, ascending.
    /// - Returns: the statistic and p-value; `nil` when a sample is empty.
    public static func twoSample(sortedFirst: [Double], sortedSecond: [Double]) -> TestResult? {
        let n1 = sortedFirst.count
        let n2 = sortedSecond.count
        guard n1 > 0, n2 > 0 else { return nil }
        var distance = largestDistance(sortedFirst, sortedSecond)
        var probability = Double.nan
        var exactSucceeded = false
        if max(n1, n2) <= largestExactSampleSize {
            let exact = exactProbability(n1, n2, distance: distance)
            distance = exact.distance
            if let value = exact.probability {
                probability = value
                exactSucceeded = true
            }
        }
        if !exactSucceeded {
            let larger = Double(max(n1, n2))
            let smaller = Double(min(n1, n2))
            let effective = (larger * smaller / (larger + smaller)).rounded(.toNearestOrEven)
            probability = KolmogorovDistribution.survival(Int(effective), distance)
        }
        return TestResult(statistic: distance, pValue: min(max(probability, 0), 1))
    }

    /// The two-sided statistic: the largest absolute difference between the right-continuous
    /// empirical distribution functions, evaluated at every value of either sample.
    static func largestDistance(_ first: [Double], _ second: [Double]) -> Double {
        let n1 = Double(first.count)
        let n2 = Double(second.count)
        var i = 0
        var j = 0
        var largest = 0.0
        var smallest = 0.0
        while i < first.count || j < second.count {
            let value: Double
            if j == second.count || (i < first.count && first[i] <= second[j]) {
                value = first[i]
            } else {
                value = second[j]
            }
            while i < first.count && first[i] <= value { i += 1 }
            while j < second.count && second[j] <= value { j += 1 }
            let difference = Double(i) / n1 - Double(j) / n2
            largest = max(largest, difference)
            smallest = min(smallest, difference)
        }
        let below = min(max(-smallest, 0), 1)
        return below > largest ? below : largest
    }
}

/// A test's statistic and p-value.
public struct TestResult: Sendable, Hashable, Codable {
    /// The test statistic.
    public var statistic: Double
    /// The probability, under the null hypothesis, of a statistic at least as extreme.
    public var pValue: Double

    /// A result from its parts.
    /// - Parameters:
    ///   - statistic: the test statistic.
    ///   - pValue: its p-value.
    public init(statistic: Double, pValue: Double) {
        self.statistic = statistic
        self.pValue = pValue
    }
}
