/// Quantiles of sorted values, numpy's default definition (`numpy.quantile(a, q)`,
/// `method='linear'`, Hyndman and Fan's type 7): the value at position `q (n - 1)`,
/// interpolated linearly between its neighbours.
public enum Quantiles {
    /// The `q`-quantile of ascending values.
    /// - Parameters:
    ///   - sorted: the values, ascending, not empty.
    ///   - q: the level, in [0, 1].
    /// - Returns: the quantile.
    public static func linear(_ sorted: [Double], _ q: Double) -> Double {
        precondition(!sorted.isEmpty, "quantile of no values")
        let position = Double(sorted.count - 1) * q
        let below = position.rounded(.down)
        let fraction = position - below
        let lowerIndex = min(max(Int(below), 0), sorted.count - 1)
        let upperIndex = min(lowerIndex + 1, sorted.count - 1)
        let lower = sorted[lowerIndex]
        let upper = sorted[upperIndex]
        let difference = upper - lower
        // numpy interpolates from the nearer end, so the result stays within [lower, upper].
        return fraction >= 0.5 ? upper - difference * (1 - fraction) : lower + difference * fraction
    }
}
