public import LarderCore

/// Compares a current sample of features with a baseline's, feature by feature.
public enum DriftDetector {
    /// Compares samples of the same features.
    /// - Parameters:
    ///   - baseline: the baseline's finished samples.
    ///   - current: the current finished samples, one per baseline sample, same names.
    ///   - baselineName: the saved dataset's name, for the report.
    ///   - thresholds: when a feature counts as drifted.
    ///   - now: the report's time.
    /// - Returns: the report; features that are neither numeric nor categorical are left out.
    public static func compare(
        baseline: [ColumnSample], current: [ColumnSample], baselineName: String,
        thresholds: DriftThresholds = DriftThresholds(), now: Timestamp = .now
    ) -> DriftReport {
        let pairs = zip(baseline, current).filter { $0.0.kind != .other }
        var features = ParallelMap.map(Array(pairs)) { statistics(baseline: $0.0, current: $0.1) }
        let tested = features.filter { $0.pValue != nil }.count
        let level =
            thresholds.bonferroni ? Bonferroni.correctedLevel(thresholds.pValue, tests: tested) : thresholds.pValue
        for index in features.indices {
            let byTest = features[index].pValue.map { $0 < level } ?? false
            let byPSI = features[index].psi.map { $0 >= thresholds.psi } ?? false
            features[index].drifted = byTest || byPSI
        }
        return DriftReport(
            baseline: baselineName, computedAt: now.rfc3339(fractionDigits: 0), pValueThreshold: thresholds.pValue,
            bonferroni: thresholds.bonferroni, psiThreshold: thresholds.psi, features: features,
            drifted: features.filter(\.drifted).map(\.name))
    }

    /// The statistics of one feature (``FeatureDrift/drifted`` is set by the caller).
    static func statistics(baseline: ColumnSample, current: ColumnSample) -> FeatureDrift {
        var drift = FeatureDrift(
            name: baseline.name, kind: baseline.kind, baselineRows: baseline.rowCount, currentRows: current.rowCount,
            nullFractionChange: nullFraction(current) - nullFraction(baseline), drifted: false)
        switch baseline.kind {
        case .numeric:
            guard !baseline.numbers.isEmpty, !current.numbers.isEmpty else { break }
            let bins = Histogram(sortedValues: baseline.numbers, binCount: ColumnProfiler.histogramBins)
            drift.psi = PopulationStabilityIndex.index(
                baseline: bins.counts, current: bins.binCounts(of: current.numbers))
            let test = KolmogorovSmirnov.twoSample(sortedFirst: baseline.numbers, sortedSecond: current.numbers)
            drift.ksStatistic = test?.statistic
            drift.ksPValue = test?.pValue
        case .categorical:
            let categories = Set(baseline.categories.keys).union(current.categories.keys).sorted()
            let baselineCounts = categories.map { baseline.categories[$0] ?? 0 }
            let currentCounts = categories.map { current.categories[$0] ?? 0 }
            drift.psi = PopulationStabilityIndex.index(baseline: baselineCounts, current: currentCounts)
            let test = ChiSquaredTest.contingency(baselineCounts, currentCounts)
            drift.chi2Statistic = test?.statistic
            drift.chi2PValue = test?.pValue
        case .other: break
        }
        return drift
    }

    static func nullFraction(_ sample: ColumnSample) -> Double {
        sample.rowCount == 0 ? 0 : Double(sample.nullCount) / Double(sample.rowCount)
    }
}
