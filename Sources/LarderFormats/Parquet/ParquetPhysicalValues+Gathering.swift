extension ParquetPhysicalValues {
    /// The present values of a column in their physical form.
    /// - Parameters:
    ///   - storage: the column's value storage (the elements of a list column).
    ///   - positions: which slots to take, in order.
    ///   - plan: how the column is stored.
    /// - Throws: ``ParquetCorruption`` when a value cannot be stored (a fixed-length value of
    ///   another length, a decimal too wide, a timestamp out of range).
    init(gathering storage: ColumnStorage, at positions: [Int], plan: ParquetColumnPlan) throws {
        switch (storage, plan.valueType) {
        case (.bool(let values), _): self = .boolean(positions.map { values[$0] })
        case (.int32(let values), _): self = .int32(positions.map { values[$0] })
        case (.int64(let values), .int(bits: 32, signed: false)):
            self = .int32(positions.map { Int32(bitPattern: UInt32(truncatingIfNeeded: values[$0])) })
        case (.int64(let values), .timestamp(let unit, _)):
            let factor: Int64 =
                switch unit {
                case .seconds: 1_000_000
                case .milliseconds: 1_000
                case .microseconds, .nanoseconds: 1
                }
            self = .int64(
                try positions.map { position in
                    let (scaled, overflow) = values[position].multipliedReportingOverflow(by: factor)
                    guard !overflow else {
                        throw ParquetCorruption("timestamp \(values[position]) is out of range for microseconds")
                    }
                    return scaled
                })
        case (.int64(let values), _): self = .int64(positions.map { values[$0] })
        case (.uint64(let values), _): self = .int64(positions.map { Int64(bitPattern: values[$0]) })
        case (.float32(let values), _): self = .float(positions.map { values[$0] })
        case (.float64(let values), _): self = .double(positions.map { values[$0] })
        case (.binary(let values), .decimal):
            self = .bytes(try Self.fixedWidthDecimals(values, at: positions, width: plan.fixedLength ?? 16))
        case (.binary(let values), _):
            var gathered = BinaryValues()
            gathered.offsets.reserveCapacity(positions.count + 1)
            for position in positions {
                let value = values[position]
                if let length = plan.fixedLength, value.count != length {
                    throw ParquetCorruption("value \(position) is \(value.count) bytes long, not the fixed \(length)")
                }
                gathered.append(value)
            }
            self = .bytes(gathered)
        default:
            throw ParquetCorruption("storage of the wrong layout for \(plan.valueType)")
        }
    }

    /// Big-endian two's-complement decimals resized to `width` bytes by sign extension.
    private static func fixedWidthDecimals(
        _ values: BinaryValues, at positions: [Int], width: Int
    ) throws -> BinaryValues {
        var result = BinaryValues()
        for position in positions {
            var bytes = Array(values[position])
            let sign: UInt8 = (bytes.first ?? 0) & 0x80 == 0 ? 0 : 0xFF
            while bytes.count > width, bytes[0] == sign, bytes[1] & 0x80 == sign & 0x80 { bytes.removeFirst() }
            guard bytes.count <= width else {
                throw ParquetCorruption("decimal value \(position) does not fit in \(width) bytes")
            }
            result.append(repeatElement(sign, count: width - bytes.count) + bytes)
        }
        return result
    }
}
