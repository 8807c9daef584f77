public import LarderCore

/// The resolution of a stored timestamp.
public enum TimeUnit: String, Hashable, Sendable, Codable {
    case seconds, milliseconds, microseconds, nanoseconds

    /// Nanoseconds in one unit.
    public var nanoseconds: Int64 {
        switch self {
        case .seconds: 1_000_000_000
        case .milliseconds: 1_000_000
        case .microseconds: 1_000
        case .nanoseconds: 1
        }
    }

    /// Digits after the decimal point needed to print a value of this unit exactly.
    public var fractionDigits: Int {
        switch self {
        case .seconds: 0
        case .milliseconds: 3
        case .microseconds: 6
        case .nanoseconds: 9
        }
    }
}

/// The type of a column as a file stores it: richer than ``ValueType`` (widths, signedness,
/// dates, decimals, timestamp units), so files can be read and printed exactly.
public indirect enum ColumnType: Hashable, Sendable {
    case bool
    /// An integer of 8, 16, 32 or 64 bits.
    case int(bits: Int, signed: Bool)
    case float32
    case float64
    /// UTF-8 text.
    case string
    /// Opaque bytes (a fixed length when the file declares one).
    case bytes(fixedLength: Int?)
    /// A calendar date (days since 1970-01-01).
    case date
    /// An instant stored in the given unit; `utcAdjusted` is false for naive timestamps, which
    /// Larder reads as UTC.
    case timestamp(TimeUnit, utcAdjusted: Bool)
    /// A decimal number with the given precision and scale.
    case decimal(precision: Int, scale: Int)
    /// A list of elements of one type.
    case list(ColumnType)

    /// The feature value type this column's values convert to, or `nil` when no feature type
    /// can hold them (a list of lists).
    public var valueType: ValueType? {
        switch self {
        case .bool: .bool
        case .int(let bits, let signed): bits < 32 || (bits == 32 && signed) ? .int32 : .int64
        case .float32: .float32
        case .float64, .decimal: .float64
        case .string: .string
        case .bytes: .bytes
        case .date, .timestamp: .timestamp
        case .list(let element): element.valueType?.scalar.map { .list($0) }
        }
    }

    /// The column type that holds values of a feature value type exactly.
    /// - Parameter type: the feature value type.
    public init(_ type: ValueType) {
        switch type {
        case .bool: self = .bool
        case .int32: self = .int(bits: 32, signed: true)
        case .int64: self = .int(bits: 64, signed: true)
        case .float32: self = .float32
        case .float64: self = .float64
        case .string: self = .string
        case .bytes: self = .bytes(fixedLength: nil)
        case .timestamp: self = .timestamp(.microseconds, utcAdjusted: true)
        case .list(let element): self = .list(ColumnType(ValueType(element)))
        }
    }
}

extension ColumnType: CustomStringConvertible {
    /// A short name for schemas and errors: `int64`, `uint8`, `timestamp[us, UTC]`,
    /// `decimal(10,2)`, `list<float32>`.
    public var description: String {
        switch self {
        case .bool: "bool"
        case .int(let bits, let signed): (signed ? "int" : "uint") + String(bits)
        case .float32: "float32"
        case .float64: "float64"
        case .string: "string"
        case .bytes(let length): length.map { "fixed_bytes[\($0)]" } ?? "bytes"
        case .date: "date"
        case .timestamp(let unit, let utc):
            "timestamp[\(["s", "ms", "us", "ns"][[TimeUnit.seconds, .milliseconds, .microseconds, .nanoseconds].firstIndex(of: unit)!])\(utc ? ", UTC" : "")]"
        case .decimal(let precision, let scale): "decimal(\(precision),\(scale))"
        case .list(let element): "list<\(element)>"
        }
    }
}
