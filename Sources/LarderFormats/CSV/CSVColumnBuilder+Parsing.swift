internal import LarderCore

extension CSVColumnBuilder {
    /// Parses a non-empty cell and appends its value; appends nothing when it throws.
    mutating func appendValue(_ bytes: UnsafeBufferPointer<UInt8>) throws(CSVCellError) {
        switch kind {
        case .bool:
            guard let value = Self.bool(bytes) else { throw mismatch(bytes, "a bool (true, false, 1 or 0)") }
            bools.append(value)
        case .int32(let bits, let signed):
            int32s.append(Int32(try integer(bytes, bits: bits, signed: signed)))
        case .int64(let bits, let signed):
            int64s.append(try integer(bytes, bits: bits, signed: signed))
        case .uint64:
            guard let value = NumberText.uint64(bytes) else { throw mismatch(bytes, "a uint64") }
            uint64s.append(value)
        case .float32:
            guard let value = NumberText.float(bytes) else { throw mismatch(bytes, "a float32") }
            float32s.append(value)
        case .float64:
            guard let value = NumberText.double(bytes) else { throw mismatch(bytes, "a float64") }
            float64s.append(value)
        case .string:
            binary.append(bytes)
        case .bytes(let fixedLength):
            let start = binary.data.count
            guard Base64.decode(bytes, into: &binary.data) else {
                binary.data.removeSubrange(start...)
                throw mismatch(bytes, "base64-encoded bytes")
            }
            if let fixedLength, binary.data.count - start != fixedLength {
                let length = binary.data.count - start
                binary.data.removeSubrange(start...)
                throw CSVCellError(message: "holds \(length) bytes; the column's values have \(fixedLength)")
            }
            binary.offsets.append(binary.data.count)
        case .date:
            guard let days = TemporalText.daysSinceEpoch(bytes), let value = Int32(exactly: days) else {
                throw mismatch(bytes, "a date (YYYY-MM-DD)")
            }
            int32s.append(value)
        case .timestamp(let unit, let exact):
            int64s.append(try timestamp(bytes, unit: unit, exact: exact))
        case .decimal(let precision, let scale):
            guard let unscaled = DecimalText.unscaled(bytes, precision: precision, scale: scale) else {
                throw mismatch(bytes, "a decimal(\(precision),\(scale))")
            }
            if precision <= 18 {
                int64s.append(Int64(unscaled))
            } else {
                binary.append(DecimalText.bigEndianBytes(unscaled))
            }
        case .list:
            try appendList(bytes)
        }
    }

    /// `true`, `false`, `1` or `0` in any case, with spaces around allowed.
    static func bool(_ text: UnsafeBufferPointer<UInt8>) -> Bool? {
        let bytes = NumberText.trimmed(text)
        switch bytes.count {
        case 1:
            return bytes[0] == UInt8(ascii: "1") ? true : bytes[0] == UInt8(ascii: "0") ? false : nil
        case 4:
            return equalsIgnoringCase(bytes, "true") ? true : nil
        case 5:
            return equalsIgnoringCase(bytes, "false") ? false : nil
        default:
            return nil
        }
    }

    /// Whether ASCII bytes spell a lowercase word, ignoring case.
    static func equalsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        let expected = word.utf8Start
        for index in 0..<bytes.count where bytes[index] | 0x20 != expected[index] { return false }
        return true
    }

    private func integer(_ bytes: UnsafeBufferPointer<UInt8>, bits: Int, signed: Bool) throws(CSVCellError) -> Int64 {
        if let value = NumberText.int64(bytes) {
            if bits == 64 && signed { return value }
            let range: ClosedRange<Int64> =
                signed
                ? Int64.min >> (64 - bits)...Int64.max >> (64 - bits) : 0...Int64(UInt64.max >> (64 - bits))
            if range.contains(value) { return value }
            throw CSVCellError(
                message: "\(value) is out of range for \(type) (\(range.lowerBound) to \(range.upperBound))")
        }
        throw mismatch(bytes, (signed ? "an " : "a ") + type.description)
    }

    private func timestamp(
        _ bytes: UnsafeBufferPointer<UInt8>, unit: TimeUnit, exact: Bool
    ) throws(CSVCellError) -> Int64 {
        guard let (seconds, nanoseconds) = Timestamp.secondsAndNanoseconds(parsingUTF8: bytes) else {
            throw mismatch(bytes, "a timestamp (RFC 3339 such as 2026-01-02T03:04:05.123Z, a date, or epoch seconds)")
        }
        if exact, nanoseconds % unit.nanoseconds != 0 {
            throw CSVCellError(
                message: "'\(Self.excerpt(bytes))' is more precise than the column's unit (\(unit.rawValue))")
        }
        // Before the epoch, count from the next whole second so the product stays in range
        // for values near the bottom of the unit's range.
        let perSecond = TimeUnit.seconds.nanoseconds / unit.nanoseconds
        var (wholeSeconds, fraction) = (seconds, nanoseconds / unit.nanoseconds)
        if wholeSeconds < 0, fraction > 0 { (wholeSeconds, fraction) = (wholeSeconds + 1, fraction - perSecond) }
        let (scaled, overflow) = wholeSeconds.multipliedReportingOverflow(by: perSecond)
        let (value, overflow2) = scaled.addingReportingOverflow(fraction)
        guard !overflow, !overflow2 else {
            throw CSVCellError(message: "'\(Self.excerpt(bytes))' is outside the range of \(unit.rawValue) timestamps")
        }
        return value
    }

    /// An error saying the cell is not a value of the expected kind.
    func mismatch(_ bytes: UnsafeBufferPointer<UInt8>, _ expected: String) -> CSVCellError {
        CSVCellError(message: "'\(Self.excerpt(bytes))' is not \(expected)")
    }

    /// The cell's text, shortened to 60 characters for an error message.
    static func excerpt(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.count > 60 ? String(text.prefix(57)) + "..." : text
    }
}
