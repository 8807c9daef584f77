extension ByteArrayColumnValues {
    /// Appends DELTA_LENGTH_BYTE_ARRAY values: the lengths (DELTA_BINARY_PACKED), then the bytes.
    /// - Parameters:
    ///   - bytes: the encoded values.
    ///   - count: the number of values.
    /// - Returns: the number of bytes the values used.
    /// - Throws: ``ParquetCorruption`` when the data is malformed.
    func appendDeltaLength(_ bytes: UnsafeRawBufferPointer, count: Int) throws -> Int {
        let (lengths, dataStart) = try Self.decodeLengths(bytes, count: count)
        let total = lengths.reduce(0, +)
        guard total <= bytes.count - dataStart else {
            throw ParquetCorruption("DELTA_LENGTH_BYTE_ARRAY values of \(total) bytes run past the end of the page")
        }
        lengths.withUnsafeBufferPointer { lengthBuffer in
            appendPacked(
                lengths: lengthBuffer.baseAddress!, count: count,
                bytes: UnsafeRawBufferPointer(rebasing: bytes[dataStart..<dataStart + total]))
        }
        return dataStart + total
    }

    /// Appends DELTA_BYTE_ARRAY values: prefix lengths shared with the previous value, then the
    /// suffixes as DELTA_LENGTH_BYTE_ARRAY.
    /// - Parameters:
    ///   - bytes: the encoded values.
    ///   - count: the number of values.
    /// - Throws: ``ParquetCorruption`` when the data is malformed.
    func appendDeltaByteArray(_ bytes: UnsafeRawBufferPointer, count: Int) throws {
        let (prefixes, suffixStart) = try Self.decodeLengths(bytes, count: count)
        let suffixBytes = UnsafeRawBufferPointer(rebasing: bytes[suffixStart...])
        let (suffixes, dataStart) = try Self.decodeLengths(suffixBytes, count: count)
        var total = 0
        var previousLength = 0
        for index in 0..<count {
            guard prefixes[index] <= previousLength else {
                throw ParquetCorruption(
                    "DELTA_BYTE_ARRAY prefix of \(prefixes[index]) bytes is longer than the previous value")
            }
            previousLength = prefixes[index] + suffixes[index]
            total += previousLength
        }
        guard total <= ParquetCompression.maximumPageSize else {
            throw ParquetCorruption("DELTA_BYTE_ARRAY page expands to \(total) bytes, more than a page may hold")
        }
        guard suffixes.reduce(0, +) <= suffixBytes.count - dataStart else {
            throw ParquetCorruption("DELTA_BYTE_ARRAY suffixes run past the end of the page")
        }
        let packed = byteScratch.reserve(total)
        var written = 0
        var previousStart = 0
        var suffixPosition = dataStart
        var lengths = [Int]()
        lengths.reserveCapacity(count)
        for index in 0..<count {
            let start = written
            (packed + written).update(from: packed + previousStart, count: prefixes[index])
            written += prefixes[index]
            for offset in 0..<suffixes[index] { packed[written + offset] = suffixBytes[suffixPosition + offset] }
            written += suffixes[index]
            suffixPosition += suffixes[index]
            previousStart = start
            lengths.append(written - start)
        }
        if let fixedLength, lengths.contains(where: { $0 != fixedLength }) {
            throw ParquetCorruption("DELTA_BYTE_ARRAY value is not \(fixedLength) bytes long")
        }
        lengths.withUnsafeBufferPointer { lengthBuffer in
            appendPacked(
                lengths: lengthBuffer.baseAddress!, count: count,
                bytes: UnsafeRawBufferPointer(start: packed, count: total))
        }
    }

    private static func decodeLengths(_ bytes: UnsafeRawBufferPointer, count: Int) throws -> ([Int], Int) {
        var decoder = try DeltaBinaryPackedDecoder(bytes)
        guard decoder.totalCount == count else {
            throw ParquetCorruption("DELTA length header holds \(decoder.totalCount) values, not \(count)")
        }
        let values = try decoder.decodeAll()
        var lengths = [Int]()
        lengths.reserveCapacity(count)
        for value in values.prefix(count) {
            guard value >= 0, value <= Int64(bytes.count) else {
                throw ParquetCorruption("DELTA length \(value) is negative or longer than the page")
            }
            lengths.append(Int(value))
        }
        return (lengths, decoder.position)
    }
}
