extension ParquetSchema {
    /// The Larder column type of a leaf's values, from its physical type and its logical (or
    /// legacy converted) annotation.
    /// - Parameter element: a leaf schema element.
    /// - Returns: the type, or why the values cannot be read.
    static func columnType(of element: ParquetSchemaElement) -> Result<ColumnType, ParquetUnsupportedField> {
        guard let physical = element.type else { return .failure(ParquetUnsupportedField(kind: "a group")) }
        let annotation = element.logicalType ?? legacyLogicalType(of: element)
        switch (physical, annotation) {
        case (.boolean, _): return .success(.bool)
        case (.int32, .integer(let bits, let signed)), (.int64, .integer(let bits, let signed)):
            let width = Int(bits)
            guard [8, 16, 32, 64].contains(width), width <= (physical == .int32 ? 32 : 64) else {
                return .failure(ParquetUnsupportedField(kind: "an integer of \(width) bits"))
            }
            return .success(.int(bits: width, signed: signed))
        case (.int32, .date): return .success(.date)
        case (.int64, .timestamp(let utc, let unit)): return .success(.timestamp(unit, utcAdjusted: utc))
        case (.int32, .decimal(let scale, let precision)),
            (.int64, .decimal(let scale, let precision)),
            (.fixedLenByteArray, .decimal(let scale, let precision)),
            (.byteArray, .decimal(let scale, let precision)):
            let limit: Int32 =
                switch physical {
                case .int32: 9
                case .int64: 18
                case .fixedLenByteArray: Int32(min(Int(element.typeLength ?? 0) * 8 * 3 / 10 + 1, 76))
                default: 76
                }
            guard precision >= 1, precision <= limit, scale >= 0, scale <= precision else {
                return .failure(
                    ParquetUnsupportedField(kind: "a DECIMAL with invalid precision \(precision) and scale \(scale)"))
            }
            return .success(.decimal(precision: Int(precision), scale: Int(scale)))
        case (.int32, .time), (.int64, .time): return .failure(ParquetUnsupportedField(kind: "a TIME"))
        case (.int32, nil): return .success(.int(bits: 32, signed: true))
        case (.int64, nil): return .success(.int(bits: 64, signed: true))
        case (.int96, nil): return .success(.timestamp(.nanoseconds, utcAdjusted: false))
        case (.float, nil): return .success(.float32)
        case (.double, nil): return .success(.float64)
        case (.byteArray, .string), (.byteArray, .enumeration), (.byteArray, .json): return .success(.string)
        case (.byteArray, nil), (.byteArray, .bson), (.byteArray, .unknown): return .success(.bytes(fixedLength: nil))
        case (.fixedLenByteArray, nil), (.fixedLenByteArray, .uuid), (.fixedLenByteArray, .unknown):
            guard let length = element.typeLength, length > 0 else {
                return .failure(ParquetUnsupportedField(kind: "a FIXED_LEN_BYTE_ARRAY without a valid length"))
            }
            return .success(.bytes(fixedLength: Int(length)))
        case (.fixedLenByteArray, .float16): return .failure(ParquetUnsupportedField(kind: "a FLOAT16"))
        case (_, .some(let other)):
            return .failure(ParquetUnsupportedField(kind: "\(physical) annotated as \(other)"))
        default:
            return .failure(ParquetUnsupportedField(kind: "of unknown \(physical)"))
        }
    }

    /// The logical annotation equivalent to a legacy converted type.
    private static func legacyLogicalType(of element: ParquetSchemaElement) -> ParquetLogicalType? {
        guard let converted = element.convertedType else { return nil }
        switch converted {
        case .utf8: return .string
        case .enumeration: return .enumeration
        case .json: return .json
        case .bson: return .bson
        case .date: return .date
        case .decimal: return .decimal(scale: element.scale ?? 0, precision: element.precision ?? 0)
        case .timeMillis: return .time(utcAdjusted: true, unit: .milliseconds)
        case .timeMicros: return .time(utcAdjusted: true, unit: .microseconds)
        case .timestampMillis: return .timestamp(utcAdjusted: true, unit: .milliseconds)
        case .timestampMicros: return .timestamp(utcAdjusted: true, unit: .microseconds)
        case .uint8: return .integer(bitWidth: 8, signed: false)
        case .uint16: return .integer(bitWidth: 16, signed: false)
        case .uint32: return .integer(bitWidth: 32, signed: false)
        case .uint64: return .integer(bitWidth: 64, signed: false)
        case .int8: return .integer(bitWidth: 8, signed: true)
        case .int16: return .integer(bitWidth: 16, signed: true)
        case .int32: return .integer(bitWidth: 32, signed: true)
        case .int64: return .integer(bitWidth: 64, signed: true)
        case .interval: return .other(-1)
        default: return nil
        }
    }
}
