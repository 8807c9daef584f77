import Dispatch
public import LarderFormats

/// Profiles columns: counts, nulls, min, max, mean, standard deviation, exact quantiles and a
/// histogram for numbers; top values and distinct counts for categories.
public enum ColumnProfiler {
    /// The quantile levels reported, with their names.
    public static let quantileLevels = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99]
    static let quantileNames = ["p1", "p5", "p25", "p50", "p75", "p95", "p99"]
    /// Bins of a profile's histogram.
    public static let histogramBins = 10
    /// Categories listed under top values.
    public static let topValueCount = 10

    /// Profiles a table: reads the chosen columns, then profiles each (columns in parallel).
    /// - Parameters:
    ///   - reader: the table.
    ///   - columns: the columns, `nil` for all.
    ///   - source: how the profile names where the rows came from.
    /// - Returns: the profile.
    /// - Throws: ``QualityError`` for an unknown column; the reader's errors.
    public static func profile(
        _ reader: any TableReader, columns: [String]? = nil, source: String
    ) throws
        -> TableProfile
    {
        let samples = try ColumnSample.read(reader, columns: columns)
        return profile(samples, source: source)
    }

    /// Profiles samples already read.
    /// - Parameters:
    ///   - samples: finished samples.
    ///   - source: where the rows came from.
    /// - Returns: the profile.
    public static func profile(_ samples: [ColumnSample], source: String) -> TableProfile {
        let profiles = ParallelMap.map(samples) { profile($0) }
        return TableProfile(source: source, rows: samples.first?.rowCount ?? 0, features: profiles)
    }

    /// Profiles one finished sample.
    /// - Parameter sample: the sample (numbers sorted).
    /// - Returns: its profile.
    public static func profile(_ sample: ColumnSample) -> FeatureProfile {
        var profile = FeatureProfile(
            name: sample.name, kind: sample.kind, type: sample.type.description, rows: sample.rowCount,
            nulls: sample.nullCount,
            nullFraction: sample.rowCount == 0 ? 0 : Double(sample.nullCount) / Double(sample.rowCount))
        switch sample.kind {
        case .numeric where !sample.numbers.isEmpty:
            let sorted = sample.numbers
            let moments = Moments(sorted)
            profile.min = sorted.first
            profile.max = sorted.last
            profile.mean = moments.mean
            profile.stddev = moments.standardDeviation
            profile.quantiles = Dictionary(
                uniqueKeysWithValues: zip(quantileNames, quantileLevels.map { Quantiles.linear(sorted, $0) }))
            profile.histogram = Histogram(sortedValues: sorted, binCount: histogramBins)
        case .categorical:
            let ranked = sample.categories.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            profile.topValues = ranked.prefix(topValueCount).map {
                FeatureProfile.TopValue(value: $0.key, count: $0.value)
            }
            profile.distinctCount = sample.categories.count
        default: break
        }
        return profile
    }
}

extension FeatureProfile {
    init(name: String, kind: ColumnSample.Kind, type: String, rows: Int, nulls: Int, nullFraction: Double) {
        self.name = name
        self.kind = kind
        self.type = type
        self.rows = rows
        self.nulls = nulls
        self.nullFraction = nullFraction
    }
}

/// Maps over an array on all cores, keeping the order.
enum ParallelMap {
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let results = ResultSlots<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results.set(index, transform(items[index]))
        }
        return results.values()
    }
}

/// Slots each written by exactly one iteration of `concurrentPerform`, in memory of their own.
private final class ResultSlots<R>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<R?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        _ = slots.deinitialize()
        slots.deallocate()
    }

    func set(_ index: Int, _ value: R) { slots[index] = value }

    func values() -> [R] { slots.map { $0! } }
}
