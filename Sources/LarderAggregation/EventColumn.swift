public import LarderCore

/// The values of one event column across a key's events, kept in the form the aggregation
/// functions compute on: integers (booleans as 0 and 1, timestamps in nanoseconds), floats,
/// or other values (strings, bytes). `nil` is a null.
public enum EventColumn: Sendable, Hashable {
    /// Booleans, 32- and 64-bit integers and timestamps.
    case integers([Int64?])
    /// 32- and 64-bit floats, widened exactly.
    case floats([Double?])
    /// Strings and bytes.
    case values([Value])

    /// An empty column for values of a type.
    /// - Parameter type: the column's declared type.
    public init(type: ValueType) {
        switch type {
        case .bool, .int32, .int64, .timestamp: self = .integers([])
        case .float32, .float64: self = .floats([])
        default: self = .values([])
        }
    }

    /// The number of entries.
    public var count: Int {
        switch self {
        case .integers(let values): values.count
        case .floats(let values): values.count
        case .values(let values): values.count
        }
    }

    /// Appends a value of the column's type (`.null` for a null).
    /// - Parameter value: the value.
    public mutating func append(_ value: Value) {
        switch self {
        case .integers(var values):
            self = .integers([])
            values.append(Self.integer(value))
            self = .integers(values)
        case .floats(var values):
            self = .floats([])
            values.append(value.doubleValue)
            self = .floats(values)
        case .values(var values):
            self = .values([])
            values.append(value)
            self = .values(values)
        }
    }

    /// The entry at a position as a value of the declared type.
    /// - Parameters:
    ///   - index: the entry's position.
    ///   - type: the column's declared type.
    /// - Returns: the value, `.null` for a null.
    public func value(at index: Int, as type: ValueType) -> Value {
        switch self {
        case .integers(let values): values[index].map { Self.value(integer: $0, as: type) } ?? .null
        case .floats(let values): values[index].map { Self.value(float: $0, as: type) } ?? .null
        case .values(let values): values[index]
        }
    }

    /// The entries at the given positions, in that order.
    /// - Parameter positions: positions in this column.
    /// - Returns: a column of the same kind.
    public func reordered(by positions: [Int]) -> EventColumn {
        switch self {
        case .integers(let values): .integers(positions.map { values[$0] })
        case .floats(let values): .floats(positions.map { values[$0] })
        case .values(let values): .values(positions.map { values[$0] })
        }
    }

    /// The entries in a range of positions.
    /// - Parameter range: positions in this column.
    /// - Returns: a column of the same kind.
    public func slice(_ range: Range<Int>) -> EventColumn {
        switch self {
        case .integers(let values): .integers(Array(values[range]))
        case .floats(let values): .floats(Array(values[range]))
        case .values(let values): .values(Array(values[range]))
        }
    }

    /// This column's entries followed by another's of the same kind.
    /// - Parameter other: a column of the same kind.
    /// - Returns: the concatenation.
    public func appending(_ other: EventColumn) -> EventColumn {
        switch (self, other) {
        case (.integers(let a), .integers(let b)): .integers(a + b)
        case (.floats(let a), .floats(let b)): .floats(a + b)
        case (.values(let a), .values(let b)): .values(a + b)
        default: self
        }
    }

    /// The integer form of a boolean, integer or timestamp value; `nil` for a null.
    static func integer(_ value: Value) -> Int64? {
        switch value {
        case .bool(let flag): flag ? 1 : 0
        case .int32(let number): Int64(number)
        case .int64(let number): number
        case .timestamp(let time): time.nanosecondsSinceEpoch
        default: nil
        }
    }

    /// A value of the declared type from its integer form.
    static func value(integer: Int64, as type: ValueType) -> Value {
        switch type {
        case .bool: .bool(integer != 0)
        case .int32: .int32(Int32(truncatingIfNeeded: integer))
        case .timestamp: .timestamp(Timestamp(nanosecondsSinceEpoch: integer))
        default: .int64(integer)
        }
    }

    /// A value of the declared type from its float form.
    static func value(float: Double, as type: ValueType) -> Value {
        type == .float32 ? .float32(Float(float)) : .float64(float)
    }
}
