/// Counts of values in equal-width bins, as `numpy.histogram(values, bins)` makes them: edges
/// from the smallest to the largest value (or ±0.5 around a single value), every bin
/// half-open except the last, which includes the largest edge.
public struct Histogram: Sendable, Hashable, Codable {
    /// The `bins + 1` edges, ascending.
    public var edges: [Double]
    /// The count in each bin.
    public var counts: [Int]

    /// A histogram from its parts.
    /// - Parameters:
    ///   - edges: the bin edges, ascending.
    ///   - counts: the count per bin (one fewer than the edges).
    public init(edges: [Double], counts: [Int]) {
        self.edges = edges
        self.counts = counts
    }

    /// The histogram of ascending values in `binCount` bins spanning them.
    /// - Parameters:
    ///   - sortedValues: the values, ascending, not empty.
    ///   - binCount: how many bins.
    public init(sortedValues: [Double], binCount: Int) {
        var first = sortedValues.first ?? 0
        var last = sortedValues.last ?? 0
        if first == last {
            first -= 0.5
            last += 0.5
        }
        let step = (last - first) / Double(binCount)
        var edges = (0...binCount).map { Double($0) * step + first }
        edges[binCount] = last
        self.edges = edges
        counts = [Int](repeating: 0, count: binCount)
        counts = binCounts(of: sortedValues)
    }

    /// The number of bins.
    public var binCount: Int { edges.count - 1 }

    /// The bin a value falls in; values below the first edge count in the first bin and
    /// values above the last edge in the last, so a current sample's outliers still count
    /// against a baseline's bins.
    /// - Parameter value: the value.
    /// - Returns: the bin's index.
    public func bin(of value: Double) -> Int {
        let first = edges[0]
        let last = edges[binCount]
        if value <= first { return 0 }
        if value >= last { return binCount - 1 }
        // numpy's fast path: scale, truncate, then correct by comparing with the edges.
        var index = Int((value - first) * (Double(binCount) / (last - first)))
        if index >= binCount { index = binCount - 1 }
        if value < edges[index] { index -= 1 }
        if index != binCount - 1 && value >= edges[index + 1] { index += 1 }
        return index
    }

    /// Counts values into these bins.
    /// - Parameter values: the values (any order).
    /// - Returns: the count per bin.
    public func binCounts(of values: [Double]) -> [Int] {
        var counts = [Int](repeating: 0, count: binCount)
        for value in values { counts[bin(of: value)] += 1 }
        return counts
    }
}
