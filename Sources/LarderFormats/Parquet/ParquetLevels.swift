/// Decoding of repetition and definition levels.
enum ParquetLevels {
    /// Decodes `count` levels of a version 1 data page, which starts with their length.
    /// - Parameters:
    ///   - encoding: RLE (length-prefixed hybrid) or the deprecated BIT_PACKED.
    ///   - bytes: the page from the levels' start.
    ///   - count: the number of levels.
    ///   - maxLevel: the largest valid level.
    ///   - output: room for `count` levels.
    /// - Returns: the number of bytes the levels used, and the level shared by every value when
    ///   the data is a single run (then `output` is left unwritten).
    /// - Throws: ``ParquetCorruption`` when the levels are malformed or out of range.
    static func decodeV1(
        _ encoding: ParquetEncoding, _ bytes: UnsafeRawBufferPointer, count: Int, maxLevel: Int,
        into output: UnsafeMutablePointer<UInt8>
    ) throws -> (bytesUsed: Int, uniformLevel: UInt8?) {
        let width = BitUnpacking.bitWidth(of: UInt64(maxLevel))
        switch encoding {
        case .rle:
            guard bytes.count >= 4 else { throw ParquetCorruption("level data is missing its length prefix") }
            let length = Int(UInt32(littleEndian: bytes.loadUnaligned(as: UInt32.self)))
            guard length <= bytes.count - 4 else {
                throw ParquetCorruption("level data of \(length) bytes runs past the end of the page")
            }
            let uniform = try decodeHybrid(
                UnsafeRawBufferPointer(rebasing: bytes[4..<4 + length]), count: count, maxLevel: maxLevel, into: output)
            return (4 + length, uniform)
        case .bitPacked:
            let length = (count * width + 7) / 8
            guard length <= bytes.count else {
                throw ParquetCorruption("BIT_PACKED levels of \(length) bytes run past the end of the page")
            }
            for index in 0..<count {
                var level = 0
                for bit in index * width..<(index + 1) * width {
                    level = level << 1 | Int(bytes[bit >> 3] >> (7 - UInt8(bit & 7)) & 1)
                }
                output[index] = UInt8(level)
            }
            try check(output, count: count, maxLevel: maxLevel)
            return (length, nil)
        default:
            throw ParquetCorruption("level encoding \(encoding) is not supported")
        }
    }

    /// Decodes `count` levels stored as RLE hybrid runs without a length prefix (version 2 pages).
    /// - Parameters:
    ///   - bytes: exactly the levels' bytes.
    ///   - count: the number of levels.
    ///   - maxLevel: the largest valid level.
    ///   - output: room for `count` levels.
    /// - Returns: the level shared by every value when the data is a single run (then `output`
    ///   is left unwritten).
    /// - Throws: ``ParquetCorruption`` when the levels are malformed or out of range.
    @discardableResult
    static func decodeHybrid(
        _ bytes: UnsafeRawBufferPointer, count: Int, maxLevel: Int, into output: UnsafeMutablePointer<UInt8>
    ) throws -> UInt8? {
        let width = BitUnpacking.bitWidth(of: UInt64(maxLevel))
        if let level = RLEHybridDecoder.leadingRepeatedValue(bytes, bitWidth: width, covering: count) {
            guard level <= UInt64(maxLevel) else {
                throw ParquetCorruption("level \(level) is above the column's maximum of \(maxLevel)")
            }
            return UInt8(level)
        }
        var decoder = try RLEHybridDecoder(bytes, bitWidth: BitUnpacking.bitWidth(of: UInt64(maxLevel)))
        try decoder.decode(into: output, count: count)
        try check(output, count: count, maxLevel: maxLevel)
        return nil
    }

    private static func check(_ levels: UnsafeMutablePointer<UInt8>, count: Int, maxLevel: Int) throws {
        var maximum: UInt8 = 0
        for index in 0..<count { maximum = max(maximum, levels[index]) }
        guard Int(maximum) <= maxLevel else {
            throw ParquetCorruption("level \(maximum) is above the column's maximum of \(maxLevel)")
        }
    }
}
