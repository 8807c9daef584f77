/// What an aggregation computes over the events in its window.
///
/// `count` counts events (rows); every other function skips null inputs. Over an empty
/// window `count`, `count_distinct` and `sum` are 0 and the others are null.
public enum AggregationFunction: String, Hashable, Sendable, CaseIterable, Codable {
    /// The number of events, nulls included; takes no column.
    case count
    /// The sum of the non-null values (booleans count as 0 and 1).
    case sum
    /// The mean of the non-null values.
    case mean
    /// The smallest non-null value.
    case min
    /// The largest non-null value.
    case max
    /// The sample standard deviation (n − 1, as pandas) of the non-null values; null for
    /// fewer than two.
    case stddev
    /// The non-null value of the latest event (ties go to the event stored last).
    case last
    /// The exact number of distinct non-null values.
    case countDistinct = "count_distinct"

    /// Decodes a function by name.
    /// - Throws: `DecodingError.dataCorrupted` naming the known functions.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let function = AggregationFunction(rawValue: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription:
                    "unknown aggregation function '\(text)'; expected one of \(Self.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        self = function
    }

    /// Whether the function reads a column (`count` does not).
    public var takesColumn: Bool { self != .count }

    /// Whether the function accepts a column of the given type.
    /// - Parameter type: the column's type.
    public func accepts(_ type: ValueType) -> Bool {
        switch self {
        case .count: true
        case .sum, .mean, .stddev: type.isNumeric || type == .bool
        case .min, .max: type.isNumeric || type == .timestamp || type == .string
        case .last, .countDistinct: type.scalar != nil
        }
    }

    /// The types a column may have, for error messages.
    public var acceptedTypes: String {
        switch self {
        case .count: "any"
        case .sum, .mean, .stddev: "bool, int32, int64, float32 or float64"
        case .min, .max: "int32, int64, float32, float64, timestamp or string"
        case .last, .countDistinct: "any scalar type"
        }
    }

    /// The type of the feature computed over a column of the given type.
    /// - Parameter columnType: the column's type (ignored by `count`).
    /// - Returns: `int64` for counts and integer or boolean sums, `float64` for float sums,
    ///   means and standard deviations, the column's type for `min`, `max` and `last`.
    public func outputType(columnType: ValueType?) -> ValueType {
        switch self {
        case .count, .countDistinct: .int64
        case .mean, .stddev: .float64
        case .sum:
            switch columnType {
            case .bool?, .int32?, .int64?: .int64
            default: .float64
            }
        case .min, .max, .last: columnType ?? .float64
        }
    }
}
