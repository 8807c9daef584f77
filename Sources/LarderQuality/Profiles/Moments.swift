/// Mean and sample standard deviation (`ddof = 1`, as pandas `describe` reports it), summed
/// with Neumaier's compensation so a million values lose no precision.
public struct Moments: Sendable, Hashable {
    /// The arithmetic mean (NaN for no values).
    public var mean: Double
    /// The sample standard deviation; `nil` for fewer than two values.
    public var standardDeviation: Double?

    /// The moments of values, in two passes (mean, then squared deviations).
    /// - Parameter values: the values.
    public init(_ values: [Double]) {
        let count = Double(values.count)
        var sum = CompensatedSum()
        for value in values { sum.add(value) }
        mean = sum.total / count
        guard values.count > 1 else {
            standardDeviation = nil
            return
        }
        var squares = CompensatedSum()
        for value in values {
            let deviation = value - mean
            squares.add(deviation * deviation)
        }
        standardDeviation = (squares.total / (count - 1)).squareRoot()
    }
}

/// A running sum with Neumaier's error compensation.
struct CompensatedSum {
    private var sum = 0.0
    private var compensation = 0.0

    mutating func add(_ value: Double) {
        let next = sum + value
        if abs(sum) >= abs(value) {
            compensation += (sum - next) + value
        } else {
            compensation += (value - next) + sum
        }
        sum = next
    }

    var total: Double { sum + compensation }
}
