import LarderCore

/// The aggregation functions over a range of one column's events: the arithmetic that
/// training sets and online reads share, so both give the same bits.
///
/// Float sums use Neumaier's compensated summation; the standard deviation takes two passes
/// (the mean, then the compensated sum of squared deviations), so results agree with an
/// exact computation to about 1e-15 relative for well-scaled data. Integer sums are exact,
/// and null when they overflow 64 bits. A NaN input makes sums, means, deviations, minimums
/// and maximums NaN, as IEEE arithmetic does.
enum WindowStatistics {
    /// Computes a function over the events `range` of a column.
    /// - Parameters:
    ///   - function: the function.
    ///   - column: the column (ignored by `count`).
    ///   - range: the events in the window.
    ///   - columnType: the column's declared type, for the type of `min`, `max` and `last`.
    /// - Returns: the value; over an empty range 0 for counts and sums, else null.
    static func compute(
        _ function: AggregationFunction, column: EventColumn?, range: Range<Int>, columnType: ValueType
    ) -> Value {
        if function == .count { return .int64(Int64(range.count)) }
        switch column {
        case .integers(let values)?: return integers(function, values[range], columnType: columnType)
        case .floats(let values)?: return floats(function, values[range], columnType: columnType)
        case .values(let values)?: return others(function, values[range])
        case nil: return .null
        }
    }

    private static func integers(
        _ function: AggregationFunction, _ values: ArraySlice<Int64?>, columnType: ValueType
    )
        -> Value
    {
        switch function {
        case .count: return .int64(Int64(values.count))
        case .sum:
            var sum: Int64 = 0
            for case let value? in values {
                let (next, overflow) = sum.addingReportingOverflow(value)
                if overflow { return .null }
                sum = next
            }
            return .int64(sum)
        case .mean:
            return mean(ArraySlice(values.map { $0.map(Double.init) })).map(Value.float64) ?? .null
        case .stddev:
            return standardDeviation(ArraySlice(values.map { $0.map(Double.init) })).map(Value.float64) ?? .null
        case .min:
            return values.lazy.compactMap { $0 }.min().map { EventColumn.value(integer: $0, as: columnType) } ?? .null
        case .max:
            return values.lazy.compactMap { $0 }.max().map { EventColumn.value(integer: $0, as: columnType) } ?? .null
        case .last:
            return values.last { $0 != nil }.map { EventColumn.value(integer: $0!, as: columnType) } ?? .null
        case .countDistinct:
            return .int64(Int64(Set(values.lazy.compactMap { $0 }).count))
        }
    }

    private static func floats(
        _ function: AggregationFunction, _ values: ArraySlice<Double?>, columnType: ValueType
    )
        -> Value
    {
        switch function {
        case .count: return .int64(Int64(values.count))
        case .sum: return .float64(Summation.of(values).sum)
        case .mean: return mean(values).map(Value.float64) ?? .null
        case .stddev: return standardDeviation(values).map(Value.float64) ?? .null
        case .min, .max:
            var result: Double?
            for case let value? in values {
                if value.isNaN { return EventColumn.value(float: .nan, as: columnType) }
                if let current = result, function == .min ? current <= value : current >= value { continue }
                result = value
            }
            return result.map { EventColumn.value(float: $0, as: columnType) } ?? .null
        case .last:
            return values.last { $0 != nil }.map { EventColumn.value(float: $0!, as: columnType) } ?? .null
        case .countDistinct:
            // -0.0 and 0.0 are one value, and every NaN is one value, as equality would say.
            var seen = Set<UInt64>()
            for case let value? in values { seen.insert(value.isNaN ? Double.nan.bitPattern : (value + 0).bitPattern) }
            return .int64(Int64(seen.count))
        }
    }

    private static func others(_ function: AggregationFunction, _ values: ArraySlice<Value>) -> Value {
        let present = values.lazy.filter { !$0.isNull }
        switch function {
        case .count: return .int64(Int64(values.count))
        case .min: return present.min(by: precedes) ?? .null
        case .max: return present.max(by: precedes) ?? .null
        case .last: return values.last { !$0.isNull } ?? .null
        case .countDistinct: return .int64(Int64(Set(present).count))
        case .sum, .mean, .stddev: return .null
        }
    }

    /// String order by UTF-8 bytes (code points), as Python and SQL compare text; bytes
    /// lexicographically.
    private static func precedes(_ lhs: Value, _ rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): a.utf8.lexicographicallyPrecedes(b.utf8)
        case (.bytes(let a), .bytes(let b)): a.lexicographicallyPrecedes(b)
        default: false
        }
    }

    /// Neumaier's compensated summation over the non-null values.
    enum Summation {
        /// The compensated sum of the non-null values (or of their squared distances from
        /// `offset`), and how many there were.
        static func of(
            _ values: ArraySlice<Double?>, minus offset: Double = 0, squared: Bool = false
        )
            -> (sum: Double, count: Int)
        {
            var sum = 0.0
            var compensation = 0.0
            var count = 0
            for case let present? in values {
                let value = squared ? (present - offset) * (present - offset) : present
                let total = sum + value
                if abs(sum) >= abs(value) {
                    compensation += (sum - total) + value
                } else {
                    compensation += (value - total) + sum
                }
                sum = total
                count += 1
            }
            let result = sum + compensation
            // Infinities and NaN make the compensation NaN; the plain sum is then the IEEE answer.
            return (result.isNaN && !sum.isNaN ? sum : result, count)
        }
    }

    private static func mean(_ values: ArraySlice<Double?>) -> Double? {
        let (sum, count) = Summation.of(values)
        return count == 0 ? nil : sum / Double(count)
    }

    private static func standardDeviation(_ values: ArraySlice<Double?>) -> Double? {
        guard let mean = mean(values) else { return nil }
        let (squares, count) = Summation.of(values, minus: mean, squared: true)
        return count < 2 ? nil : (squares / Double(count - 1)).squareRoot()
    }
}
