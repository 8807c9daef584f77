/// Pearson's chi-squared test of independence on a 2×k table of category counts, as
/// `scipy.stats.chi2_contingency(table)` computes it with its defaults: expected counts from
/// the margins, Yates' continuity correction when there is one degree of freedom (each
/// observed count moved towards its expected count by at most 0.5), and the p-value from the
/// chi-squared distribution with `k - 1` degrees of freedom.
public enum ChiSquaredTest {
    /// The statistic, p-value and degrees of freedom of one test.
    public struct Result: Sendable, Hashable {
        /// The chi-squared statistic.
        public var statistic: Double
        /// Its p-value.
        public var pValue: Double
        /// The degrees of freedom, `k - 1`.
        public var degreesOfFreedom: Int
    }

    /// Tests whether two samples of categories have the same distribution.
    /// - Parameters:
    ///   - first: the first sample's count per category.
    ///   - second: the second sample's count per category, in the same category order.
    /// - Returns: the result; `nil` when a sample or a category has no counts at all (scipy
    ///   refuses a table with a zero expected count), or the two arrays differ in length.
    public static func contingency(_ first: [Int], _ second: [Int]) -> Result? {
        guard first.count == second.count, !first.isEmpty else { return nil }
        let rows = [first, second]
        let rowTotals = rows.map { Double($0.reduce(0, +)) }
        let columnTotals = first.indices.map { Double(first[$0] + second[$0]) }
        let total = rowTotals.reduce(0, +)
        guard rowTotals.allSatisfy({ $0 > 0 }), columnTotals.allSatisfy({ $0 > 0 }) else { return nil }
        let degreesOfFreedom = first.count - 1
        guard degreesOfFreedom > 0 else { return Result(statistic: 0, pValue: 1, degreesOfFreedom: 0) }
        var statistic = 0.0
        for (row, counts) in rows.enumerated() {
            for column in counts.indices {
                let expected = rowTotals[row] * columnTotals[column] / total
                var observed = Double(counts[column])
                if degreesOfFreedom == 1 {
                    let difference = expected - observed
                    let step = min(0.5, abs(difference))
                    observed += difference > 0 ? step : (difference < 0 ? -step : 0)
                }
                let deviation = observed - expected
                statistic += deviation * deviation / expected
            }
        }
        let pValue = IncompleteGamma.upperRegularized(Double(degreesOfFreedom) / 2, statistic / 2)
        return Result(statistic: statistic, pValue: pValue, degreesOfFreedom: degreesOfFreedom)
    }
}
