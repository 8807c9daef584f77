public import LarderCore

/// Variable-length byte values packed end to end: value `i` is
/// `data[offsets[i]..<offsets[i + 1]]`.
public struct BinaryValues: Sendable, Hashable {
    /// `count + 1` offsets into `data`, starting at 0.
    public var offsets: [Int]
    /// All values' bytes, concatenated.
    public var data: [UInt8]

    /// An empty set of values.
    public init() {
        offsets = [0]
        data = []
    }

    /// Values from offsets and packed bytes.
    /// - Parameters:
    ///   - offsets: `count + 1` ascending offsets starting at 0.
    ///   - data: the packed bytes.
    public init(offsets: [Int], data: [UInt8]) {
        self.offsets = offsets
        self.data = data
    }

    /// The number of values.
    public var count: Int { offsets.count - 1 }

    /// Appends one value.
    /// - Parameter bytes: the value's bytes.
    public mutating func append(_ bytes: some Collection<UInt8>) {
        data.append(contentsOf: bytes)
        offsets.append(data.count)
    }

    /// The bytes of value `index`.
    public subscript(index: Int) -> ArraySlice<UInt8> {
        data[offsets[index]..<offsets[index + 1]]
    }

    /// Value `index` decoded as UTF-8 text.
    /// - Parameter index: the value's position.
    /// - Returns: the text (invalid UTF-8 is repaired with U+FFFD).
    public func string(at index: Int) -> String {
        data.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[offsets[index]..<offsets[index + 1]]), as: UTF8.self)
        }
    }
}

/// The values of one column, in the physical layout that suits their type. Null slots hold a
/// zero or empty placeholder; ``Column/validity`` says which slots are null.
public indirect enum ColumnStorage: Sendable {
    case bool([Bool])
    /// 8, 16 and 32-bit integers, unsigned 8 and 16-bit integers, and dates (days since epoch).
    case int32([Int32])
    /// 64-bit integers, unsigned 32-bit integers, timestamps in their unit, and decimals of up
    /// to 18 digits (unscaled).
    case int64([Int64])
    /// Unsigned 64-bit integers.
    case uint64([UInt64])
    case float32([Float])
    case float64([Double])
    /// Strings (UTF-8), bytes, and decimals of more than 18 digits (big-endian two's
    /// complement, unscaled).
    case binary(BinaryValues)
    /// Lists: the elements of row `i` are `elements[offsets[i]..<offsets[i + 1]]`.
    case list(offsets: [Int], elements: Column)

    /// The number of slots.
    public var count: Int {
        switch self {
        case .bool(let v): v.count
        case .int32(let v): v.count
        case .int64(let v): v.count
        case .uint64(let v): v.count
        case .float32(let v): v.count
        case .float64(let v): v.count
        case .binary(let v): v.count
        case .list(let offsets, _): offsets.count - 1
        }
    }
}

/// One named, typed column of a table, with its nulls.
public struct Column: Sendable {
    /// The column's name as the file spells it.
    public var name: String
    /// The column's type as the file declares it.
    public var type: ColumnType
    /// The values.
    public var storage: ColumnStorage
    /// `validity[i]` is false when slot `i` is null; `nil` when the column has no nulls.
    public var validity: [Bool]?

    /// A column from its parts.
    /// - Parameters:
    ///   - name: the column's name.
    ///   - type: the column's type.
    ///   - storage: the values, in the layout ``ColumnStorage`` prescribes for `type`.
    ///   - validity: which slots hold a value; `nil` for none null.
    public init(name: String, type: ColumnType, storage: ColumnStorage, validity: [Bool]? = nil) {
        self.name = name
        self.type = type
        self.storage = storage
        self.validity = validity
    }

    /// The number of rows.
    public var count: Int { storage.count }

    /// Whether row `index` is null.
    /// - Parameter index: the row.
    public func isNull(at index: Int) -> Bool {
        validity.map { !$0[index] } ?? false
    }

    /// Row `index` as a feature ``Value``: integers as `int32`/`int64`, dates and timestamps as
    /// instants, decimals as `float64`, strings and bytes as they are.
    /// - Parameter index: the row.
    /// - Returns: the value, `.null` for a null slot.
    public func value(at index: Int) -> Value {
        if isNull(at: index) { return .null }
        switch storage {
        case .bool(let v): return .bool(v[index])
        case .int32(let v):
            if case .date = type {
                return .timestamp(Timestamp(secondsSinceEpoch: Int64(v[index]) * 86_400))
            }
            return type.valueType == .int64 ? .int64(Int64(v[index])) : .int32(v[index])
        case .int64(let v):
            switch type {
            case .timestamp(let unit, _):
                let (nanos, overflow) = v[index].multipliedReportingOverflow(by: unit.nanoseconds)
                return .timestamp(Timestamp(nanosecondsSinceEpoch: overflow ? (v[index] < 0 ? .min : .max) : nanos))
            case .decimal(_, let scale):
                return .float64(Double(v[index]) / Self.powerOfTen(scale))
            case .int(bits: 32, signed: true):
                return .int32(Int32(truncatingIfNeeded: v[index]))
            default:
                return .int64(v[index])
            }
        case .uint64(let v): return .int64(Int64(clamping: v[index]))
        case .float32(let v): return .float32(v[index])
        case .float64(let v): return .float64(v[index])
        case .binary(let v):
            switch type {
            case .string: return .string(v.string(at: index))
            case .decimal(_, let scale): return .float64(Self.decimal(v[index]) / Self.powerOfTen(scale))
            default: return .bytes(Array(v[index]))
            }
        case .list(let offsets, let elements):
            return .list((offsets[index]..<offsets[index + 1]).map { elements.value(at: $0) })
        }
    }

    private static func powerOfTen(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<max(exponent, 0) { result *= 10 }
        return result
    }

    /// A big-endian two's-complement integer of any width, as a `Double`.
    private static func decimal(_ bytes: ArraySlice<UInt8>) -> Double {
        guard let first = bytes.first else { return 0 }
        let negative = first & 0x80 != 0
        var magnitude = 0.0
        for byte in bytes { magnitude = magnitude * 256 + Double(negative ? ~byte : byte) }
        return negative ? -(magnitude + 1) : magnitude
    }
}
