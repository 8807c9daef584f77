#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The distribution of the two-sided one-sample Kolmogorov–Smirnov statistic `D_n`, as
/// `scipy.stats.kstwo` computes it: Simard and L'Ecuyer's choice of method by `n` and `n x²`
/// (Ruben–Gambino's closed forms at the ends, the Durbin matrix, Pomeranz's recursion,
/// Pelz–Good's approximation, and twice the one-sided ``SmirnovDistribution`` in the tail).
public enum KolmogorovDistribution {
    /// `P(D_n > x)`.
    /// - Parameters:
    ///   - n: the sample size, at least 1.
    ///   - x: the statistic.
    /// - Returns: the survival probability, in [0, 1].
    public static func survival(_ n: Int, _ x: Double) -> Double {
        guard n >= 1 else { return .nan }
        // The support starts at 1/(2n): below it the survival is 1.
        if x <= 0.5 / Double(n) { return 1 }
        if x >= 1 { return 0 }
        let t = Double(n) * x
        if t <= 1 {
            return clip(1 - rubenGambinoLower(n, t))
        }
        if t >= Double(n - 1) {
            return clip(2 * pow(1 - x, Double(n)))
        }
        if x >= 0.5 {
            return clip(2 * SmirnovDistribution.survival(n, x))
        }
        let nxSquared = t * x
        if n <= 140 {
            if nxSquared <= 0.754693 { return clip(1 - durbinMatrix(n, x)) }
            if nxSquared <= 4 { return clip(1 - pomeranz(n, x)) }
            return clip(2 * SmirnovDistribution.survival(n, x))
        }
        if nxSquared >= 370 { return 0 }
        if nxSquared >= 2.2 { return clip(2 * SmirnovDistribution.survival(n, x)) }
        let cumulative: Double
        if nxSquared >= 18 {
            cumulative = 1
        } else if n <= 100_000 && Double(n) * pow(x, 1.5) <= 1.4 {
            cumulative = durbinMatrix(n, x)
        } else {
            cumulative = pelzGood(n, x)
        }
        return clip(1 - cumulative)
    }

    /// `P(D_n <= x)` for `1/(2n) < x <= 1/n`: `n!/n^n (2nx - 1)^n`.
    static func rubenGambinoLower(_ n: Int, _ t: Double) -> Double {
        if n <= 140 {
            var product = 1.0
            for i in 1...n { product *= Double(i) * (1.0 / Double(n)) * (2 * t - 1) }
            return product
        }
        return exp(logFactorialOverPower(n) + Double(n) * log(2 * t - 1))
    }

    /// `log(n! / n^n)` by Stirling's series, with `n log n` removed first.
    static func logFactorialOverPower(_ n: Int) -> Double {
        let coefficients = [
            -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3,
            8.4175084175084175084e-4, -5.952380952380952381e-4, 7.9365079365079365079e-4,
            -2.7777777777777777778e-3, 8.3333333333333333333e-2,
        ]
        let reciprocal = 1.0 / Double(n)
        let argument = reciprocal / Double(n)
        var series = 0.0
        for coefficient in coefficients { series = series * argument + coefficient }
        return log(Double(n)) / 2 - Double(n) + log(2 * Double.pi) / 2 + reciprocal * series
    }

    static func clip(_ p: Double) -> Double { min(max(p, 0), 1) }

    /// 2^128 and 2^-128: the scale by which intermediate results are kept in range.
    static let scaleUp = 0x1p128
    static let scaleDown = 0x1p-128
}
