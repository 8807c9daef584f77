import Foundation
import struct LarderCore.SeededGenerator
import LarderFormats
import LarderQuality
import Testing

/// Drift judged feature by feature: thresholds, Bonferroni, PSI over the baseline's bins,
/// categories new in the current sample, nulls.
@Suite struct DriftDetectorTests {
    static func numeric(_ name: String, _ values: [Double?]) -> ColumnSample {
        var sample = ColumnSample(name: name, type: .float64)
        sample.add(
            Column(
                name: name, type: .float64, storage: .float64(values.map { $0 ?? 0 }),
                validity: values.contains { $0 == nil } ? values.map { $0 != nil } : nil))
        sample.finish()
        return sample
    }

    static func categorical(_ name: String, _ values: [String]) -> ColumnSample {
        var sample = ColumnSample(name: name, type: .string)
        var binary = BinaryValues()
        for value in values { binary.append(Array(value.utf8)) }
        sample.add(Column(name: name, type: .string, storage: .binary(binary)))
        return sample
    }

    /// Evenly spread values: quantiles of a uniform distribution, shifted.
    static func spread(_ count: Int, shift: Double = 0) -> [Double?] {
        (0..<count).map { Double($0) / Double(count) + shift }
    }

    @Test func shiftedNumbersDriftAndUnchangedOnesDoNot() {
        let report = DriftDetector.compare(
            baseline: [Self.numeric("amount", Self.spread(2000)), Self.numeric("age", Self.spread(2000))],
            current: [Self.numeric("amount", Self.spread(1500, shift: 0.5)), Self.numeric("age", Self.spread(1500))],
            baselineName: "training")
        #expect(report.drifted == ["amount"])
        let amount = report.features[0]
        #expect(amount.kind == .numeric && amount.chi2PValue == nil)
        #expect(abs((amount.ksStatistic ?? 0) - 0.5) < 1e-3)
        // Half the current values lie above the baseline's largest: they count in its last bin.
        #expect((amount.psi ?? 0) > 1)
        #expect(report.features[1].psi.map { $0 < 1e-3 } == true)
        #expect(report.features[1].ksPValue.map { $0 > 0.9 } == true)
    }

    @Test func bonferroniDividesTheThresholdByTheFeaturesTested() {
        // A p-value between 0.05/2 and 0.05: drift for one test, not for two. (The PSI of the
        // shift is about 0.3, so its threshold is raised here to judge by the p-value alone.)
        let baseline = Self.numeric("x", Self.spread(400))
        let current = Self.numeric("x", Self.spread(400, shift: 0.095))
        let p = KolmogorovSmirnov.twoSample(sortedFirst: baseline.numbers, sortedSecond: current.numbers)!.pValue
        #expect(p > 0.025 && p < 0.05, "p = \(p)")
        var thresholds = DriftThresholds()
        thresholds.psi = 100
        let alone = DriftDetector.compare(
            baseline: [baseline], current: [current], baselineName: "b", thresholds: thresholds)
        #expect(alone.drifted == ["x"])
        let quiet = Self.numeric("y", Self.spread(400))
        let two = DriftDetector.compare(
            baseline: [baseline, quiet], current: [current, quiet], baselineName: "b", thresholds: thresholds)
        #expect(two.drifted.isEmpty)
        thresholds.bonferroni = false
        let uncorrected = DriftDetector.compare(
            baseline: [baseline, quiet], current: [current, quiet], baselineName: "b", thresholds: thresholds)
        #expect(uncorrected.drifted == ["x"] && !uncorrected.bonferroni)
        // With its default threshold, the PSI alone flags the shift.
        let byPSI = DriftDetector.compare(baseline: [baseline, quiet], current: [current, quiet], baselineName: "b")
        #expect(byPSI.drifted == ["x"] && byPSI.features[0].psi.map { $0 >= 0.25 } == true)
    }

    @Test func categoriesAreComparedByChiSquaredAndPSI() {
        let baseline = Self.categorical(
            "category", Array(repeating: ["grocery", "online", "fuel"], count: 200).flatMap { $0 })
        let same = Self.categorical(
            "category", Array(repeating: ["fuel", "online", "grocery"], count: 150).flatMap { $0 })
        let shifted = Self.categorical(
            "category", Array(repeating: ["grocery", "online", "travel", "travel"], count: 150).flatMap { $0 })
        let quiet = DriftDetector.compare(baseline: [baseline], current: [same], baselineName: "b")
        #expect(quiet.drifted.isEmpty)
        #expect(quiet.features[0].chi2PValue == 1 && quiet.features[0].chi2Statistic == 0)
        let report = DriftDetector.compare(baseline: [baseline], current: [shifted], baselineName: "b")
        #expect(report.drifted == ["category"])
        let drift = report.features[0]
        #expect(drift.kind == .categorical && drift.ksStatistic == nil)
        // fuel is empty now and travel was empty before: both count as a 0.0001 share.
        let shares = [(1.0 / 3, 0.25), (1.0 / 3, 0.25), (1.0 / 3, 0.0001), (0.0001, 0.5)]
        let expected = shares.map { ($0.1 - $0.0) * log($0.1 / $0.0) }.reduce(0, +)
        #expect(abs((drift.psi ?? 0) - expected) < 1e-12)
        let test = ChiSquaredTest.contingency([200, 0, 200, 200], [150, 0, 150, 300].map { $0 })
        #expect(test == nil, "a category absent from both samples has no expected count")
    }

    @Test func nullFractionChangeAndEmptySamples() {
        let baseline = Self.numeric("x", [1, 2, nil, 4])
        let current = Self.numeric("x", [nil, nil, nil, 4])
        let report = DriftDetector.compare(baseline: [baseline], current: [current], baselineName: "b")
        #expect(report.features[0].nullFractionChange == 0.5)
        #expect(report.features[0].baselineRows == 4 && report.features[0].currentRows == 4)
        let allNull = DriftDetector.compare(
            baseline: [baseline], current: [Self.numeric("x", [nil, nil])], baselineName: "b")
        #expect(allNull.features[0].ksPValue == nil && allNull.features[0].psi == nil && !allNull.features[0].drifted)
    }

    @Test func samplesReadNullsNaNAndBooleansFromATable() throws {
        let batch = ColumnBatch(
            columns: [
                Column(
                    name: "score", type: .float64, storage: .float64([1, .nan, 3, 0]),
                    validity: [true, true, true, false]),
                Column(name: "flag", type: .bool, storage: .bool([true, false, true, true])),
                Column(name: "count", type: .int(bits: 32, signed: true), storage: .int32([5, 1, 3, 2])),
            ], rowCount: 4)
        let samples = try ColumnSample.read(ColumnBatchReader(path: "rows", batch: batch))
        #expect(samples[0].numbers == [1, 3] && samples[0].nullCount == 2)
        #expect(samples[1].categories == ["true": 3, "false": 1] && samples[1].kind == .categorical)
        #expect(samples[2].numbers == [1, 2, 3, 5])
        #expect(throws: QualityError.self) {
            try ColumnSample.read(ColumnBatchReader(path: "rows", batch: batch), columns: ["nope"])
        }
        let profile = ColumnProfiler.profile(samples, source: "rows")
        #expect(profile.features[0].nullFraction == 0.5 && profile.features[0].stddev == 2.0.squareRoot())
        #expect(profile.features[1].topValues?.first?.value == "true" && profile.features[1].distinctCount == 2)
        #expect(profile.features[2].quantiles?["p50"] == 2.5)
    }
}

/// The radix sort behind every sample: the same order as a comparison sort.
@Suite struct RadixSortTests {
    @Test func sortsLikeTheStandardSort() {
        var numbers = SeededGenerator(seed: 3)
        var values = (0..<50_000).map { _ in (numbers.unit() - 0.5) * 1e6 }
        values += [0, -0.0, .infinity, -.infinity, .greatestFiniteMagnitude, -.leastNonzeroMagnitude, 1, 1, 1]
        values += (0..<5_000).map { Double($0 % 7) }
        var sample = ColumnSample(name: "x", type: .float64)
        sample.numbers = values
        sample.finish()
        #expect(sample.numbers.elementsEqual(values.sorted()) { $0 == $1 })
        #expect(sample.numbers.first == -.infinity && sample.numbers.last == .infinity)
    }
}
