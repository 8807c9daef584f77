import Foundation
public import LarderCore

extension Value {
    /// The value converted to a declared type the way loosely typed input (JSON, a data
    /// frame) needs: integers widen to floats, an integer fits a narrower integer type when in
    /// range, text becomes a timestamp (any form ``Timestamp/init(parsing:)`` accepts) or
    /// bytes (base64), an integer becomes a timestamp as epoch seconds, and list elements
    /// convert one by one. Null stays null.
    /// - Parameter type: the declared type.
    /// - Returns: the converted value, or `nil` when it does not convert without loss.
    public func coerced(to type: ValueType) -> Value? {
        switch (type, self) {
        case (_, .null): return .null
        case (.bool, .bool): return self
        case (.int64, _): return int64Value.map(Value.int64)
        case (.int32, _): return int64Value.flatMap { Int32(exactly: $0) }.map(Value.int32)
        case (.float64, _): return doubleValue.map(Value.float64)
        case (.float32, _): return doubleValue.map { .float32(Float($0)) }
        case (.string, .string): return self
        case (.bytes, .bytes): return self
        case (.bytes, .string(let text)): return Data(base64Encoded: text).map { .bytes(Array($0)) }
        case (.timestamp, .timestamp): return self
        case (.timestamp, .string(let text)): return Timestamp(parsing: text).map(Value.timestamp)
        case (.timestamp, .int64(let seconds)):
            let (nanoseconds, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
            return overflow ? nil : .timestamp(Timestamp(nanosecondsSinceEpoch: nanoseconds))
        case (.list(let scalar), .list(let elements)):
            return Self.list(elements) { $0.coerced(to: ValueType(scalar)) }
        default: return nil
        }
    }

    /// A list of the elements converted one by one, or `nil` when one is a list itself or
    /// does not convert.
    /// - Parameters:
    ///   - elements: the elements.
    ///   - convert: converts one element.
    /// - Returns: the converted list.
    static func list(_ elements: [Value], converting convert: (Value) -> Value?) -> Value? {
        var converted: [Value] = []
        converted.reserveCapacity(elements.count)
        for element in elements {
            guard !element.isList, let value = convert(element) else { return nil }
            converted.append(value)
        }
        return .list(converted)
    }
}
