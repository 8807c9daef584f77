/// Non-null values of one column chunk in their physical Parquet form, ready to encode.
enum ParquetPhysicalValues {
    case boolean([Bool])
    case int32([Int32])
    case int64([Int64])
    case float([Float])
    case double([Double])
    /// BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY values.
    case bytes(BinaryValues)

    /// The number of values.
    var count: Int {
        switch self {
        case .boolean(let values): values.count
        case .int32(let values): values.count
        case .int64(let values): values.count
        case .float(let values): values.count
        case .double(let values): values.count
        case .bytes(let values): values.count
        }
    }

    /// Appends values `range` in PLAIN encoding.
    /// - Parameters:
    ///   - range: the values to encode.
    ///   - fixedLength: whether byte values are FIXED_LEN_BYTE_ARRAY (no length prefix).
    ///   - output: receives the bytes.
    func appendPlain(_ range: Range<Int>, fixedLength: Bool, to output: inout [UInt8]) {
        switch self {
        case .boolean(let values):
            var byte: UInt8 = 0
            for (position, index) in range.enumerated() {
                if values[index] { byte |= 1 << UInt8(position % 8) }
                if position % 8 == 7 {
                    output.append(byte)
                    byte = 0
                }
            }
            if range.count % 8 != 0 { output.append(byte) }
        case .int32(let values): Self.appendRaw(values, range, to: &output)
        case .int64(let values): Self.appendRaw(values, range, to: &output)
        case .float(let values): Self.appendRaw(values, range, to: &output)
        case .double(let values): Self.appendRaw(values, range, to: &output)
        case .bytes(let values):
            for index in range {
                let value = values[index]
                if !fixedLength {
                    let length = UInt32(value.count)
                    for shift in stride(from: 0, to: 32, by: 8) {
                        output.append(UInt8(truncatingIfNeeded: length >> UInt32(shift)))
                    }
                }
                output.append(contentsOf: value)
            }
        }
    }

    /// Copies the values' little-endian bytes (the host is little-endian).
    private static func appendRaw<T: BitwiseCopyable>(_ values: [T], _ range: Range<Int>, to output: inout [UInt8]) {
        values.withUnsafeBufferPointer { buffer in
            let bytes = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[range]))
            output.append(contentsOf: bytes)
        }
    }
}
