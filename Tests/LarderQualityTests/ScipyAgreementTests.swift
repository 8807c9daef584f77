import Foundation
import LarderQuality
import LarderTestSupport
import Testing

/// Larder's drift statistics and profile numbers against scipy and numpy on the same inputs:
/// random samples, ties, one-value samples, categories empty in one sample, very different
/// sizes (`tools/quality_reference.py` writes the inputs and scipy's answers).
@Suite struct ScipyAgreementTests {
    /// What `tools/quality_reference.py` prints.
    struct Reference: Decodable {
        struct KSCase: Decodable {
            var first: [Double]
            var second: [Double]
            var statistic: Double
            var p_value: Double
        }
        struct ChiSquaredCase: Decodable {
            var first: [Int]
            var second: [Int]
            var statistic: Double
            var p_value: Double
            var dof: Int
        }
        struct ProfileCase: Decodable {
            var values: [Double]
            var quantiles: [Double]
            var histogram_edges: [Double]
            var histogram_counts: [Int]
            var mean: Double
            var stddev: Double?
        }
        struct DistributionCase: Decodable {
            var n: Int
            var x: Double
            var sf: Double
        }
        var ks: [KSCase]
        var kstwo: [DistributionCase]
        var chi2: [ChiSquaredCase]
        var profiles: [ProfileCase]
    }

    static let tolerance = 1e-9

    static func reference(seed: Int) async throws -> Reference {
        let text = try await Python.run([RepositoryFiles.path("tools/quality_reference.py"), String(seed)])
        return try JSONDecoder().decode(Reference.self, from: Data(text.utf8))
    }

    /// One run of the reference script per seed (it takes seconds); every comparison below.
    @Test(arguments: [1, 2])
    func statisticsEqualScipy(seed: Int) async throws {
        let reference = try await Self.reference(seed: seed)
        checkKolmogorovSmirnov(reference)
        checkKolmogorovDistribution(reference)
        try checkChiSquared(reference)
        checkProfiles(reference)
    }

    func checkKolmogorovSmirnov(_ reference: Reference) {
        #expect(reference.ks.count > 30)
        for (index, test) in reference.ks.enumerated() {
            guard let result = KolmogorovSmirnov.twoSample(test.first, test.second) else {
                Issue.record("case \(index): no result")
                continue
            }
            let sizes = "case \(index): sizes \(test.first.count) and \(test.second.count)"
            #expect(
                abs(result.statistic - test.statistic) <= Self.tolerance,
                "\(sizes): statistic \(result.statistic) vs scipy \(test.statistic)")
            #expect(
                abs(result.pValue - test.p_value) <= Self.tolerance,
                "\(sizes): p-value \(result.pValue) vs scipy \(test.p_value)")
        }
    }

    func checkKolmogorovDistribution(_ reference: Reference) {
        #expect(reference.kstwo.count > 1000)
        for test in reference.kstwo {
            let mine = KolmogorovDistribution.survival(test.n, test.x)
            #expect(
                abs(mine - test.sf) <= Self.tolerance, "kstwo.sf(\(test.x), \(test.n)): \(mine) vs scipy \(test.sf)")
        }
    }

    func checkChiSquared(_ reference: Reference) throws {
        for test in reference.chi2 {
            let result = try #require(ChiSquaredTest.contingency(test.first, test.second))
            #expect(result.degreesOfFreedom == test.dof)
            #expect(
                abs(result.statistic - test.statistic) <= Self.tolerance * max(1, abs(test.statistic)),
                "\(test.first) vs \(test.second): statistic \(result.statistic) vs scipy \(test.statistic)")
            #expect(
                abs(result.pValue - test.p_value) <= Self.tolerance,
                "\(test.first) vs \(test.second): p-value \(result.pValue) vs scipy \(test.p_value)")
        }
    }

    func checkProfiles(_ reference: Reference) {
        for test in reference.profiles {
            let sorted = test.values.sorted()
            let quantiles = ColumnProfiler.quantileLevels.map { Quantiles.linear(sorted, $0) }
            for (mine, theirs) in zip(quantiles, test.quantiles) {
                #expect(
                    abs(mine - theirs) <= Self.tolerance * max(1, abs(theirs)), "quantile \(mine) vs numpy \(theirs)")
            }
            let histogram = Histogram(sortedValues: sorted, binCount: 10)
            #expect(histogram.counts == test.histogram_counts)
            for (mine, theirs) in zip(histogram.edges, test.histogram_edges) {
                #expect(abs(mine - theirs) <= Self.tolerance * max(1, abs(theirs)))
            }
            let moments = Moments(test.values)
            #expect(abs(moments.mean - test.mean) <= Self.tolerance * max(1, abs(test.mean)))
            if let stddev = test.stddev {
                #expect(abs((moments.standardDeviation ?? .nan) - stddev) <= Self.tolerance * max(1, stddev))
            } else {
                #expect(moments.standardDeviation == nil)
            }
        }
    }
}
