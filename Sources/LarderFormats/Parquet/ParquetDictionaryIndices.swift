/// Decoding of dictionary indices: one byte of bit width, then RLE / bit-packed hybrid runs.
enum ParquetDictionaryIndices {
    /// Decodes `count` indices and checks each against the dictionary's size.
    /// - Parameters:
    ///   - bytes: the data page's value section.
    ///   - count: the number of indices.
    ///   - dictionaryCount: the number of dictionary entries.
    ///   - output: room for `count` indices.
    /// - Throws: ``ParquetCorruption`` when the runs are malformed or an index is out of range.
    static func decode(
        _ bytes: UnsafeRawBufferPointer, count: Int, dictionaryCount: Int, into output: UnsafeMutablePointer<UInt32>
    ) throws {
        guard count > 0 else { return }
        guard let width = bytes.first else { throw ParquetCorruption("dictionary-encoded page has no index data") }
        var decoder = try RLEHybridDecoder(UnsafeRawBufferPointer(rebasing: bytes.dropFirst()), bitWidth: Int(width))
        try decoder.decode(into: output, count: count)
        var maximum: UInt32 = 0
        for index in 0..<count { maximum = max(maximum, output[index]) }
        guard Int(maximum) < dictionaryCount else {
            throw ParquetCorruption(
                "dictionary index \(maximum) is out of range for a dictionary of \(dictionaryCount) entries")
        }
    }
}
