/// Decoded BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY values, packed end to end with offsets.
final class ByteArrayColumnValues: ParquetColumnValues {
    /// `count + 1` offsets into ``data``.
    var offsets: [Int] = [0]
    /// The values' bytes, concatenated.
    var data: [UInt8] = []
    /// The byte length of every value, for FIXED_LEN_BYTE_ARRAY.
    let fixedLength: Int?
    private var dictionary: PaddedDictionary?

    /// Dictionary entries whose data ends with 16 spare bytes, for word-sized copies.
    private struct PaddedDictionary {
        var offsets: [Int]
        var paddedData: [UInt8]
        var count: Int { offsets.count - 1 }
    }
    let offsetScratch = ParquetScratchBuffer<Int>()
    let byteScratch = ParquetScratchBuffer<UInt8>()
    private let indices = ParquetScratchBuffer<UInt32>()

    /// Values of a variable length, or of `fixedLength` bytes each.
    init(fixedLength: Int?) {
        self.fixedLength = fixedLength
    }

    var count: Int { offsets.count - 1 }

    func reserveCapacity(_ count: Int) {
        offsets.reserveCapacity(offsets.count + count)
        expectedCount = count
    }

    /// The values the chunk is expected to hold, for sizing ``data`` after the first page.
    private var expectedCount = 0

    func loadDictionary(_ bytes: UnsafeRawBufferPointer, count: Int) throws {
        let saved = (offsets, data)
        offsets = [0]
        data = []
        defer { (offsets, data) = saved }
        try appendPlain(bytes, count: count)
        dictionary = PaddedDictionary(offsets: offsets, paddedData: data + repeatElement(0, count: 16))
    }

    func append(_ encoding: ParquetEncoding, _ bytes: UnsafeRawBufferPointer, count: Int) throws {
        guard count > 0 else { return }
        switch encoding {
        case .plain: try appendPlain(bytes, count: count)
        case .plainDictionary, .rleDictionary: try appendFromDictionary(bytes, count: count)
        case .deltaLengthByteArray where fixedLength == nil: _ = try appendDeltaLength(bytes, count: count)
        case .deltaByteArray: try appendDeltaByteArray(bytes, count: count)
        case .byteStreamSplit where fixedLength != nil: try appendByteStreamSplit(bytes, count: count)
        default: throw unsupported(encoding, for: fixedLength == nil ? "BYTE_ARRAY" : "FIXED_LEN_BYTE_ARRAY")
        }
    }

    /// Appends values given by their lengths (in `offsetScratch`) and packed bytes.
    func appendPacked(lengths: UnsafePointer<Int>, count: Int, bytes: UnsafeRawBufferPointer) {
        if data.isEmpty, count > 0, expectedCount > count {
            // Size the bytes from the first page's average, so they grow once rather than doubling.
            let estimate = Double(bytes.count) / Double(count) * Double(expectedCount) * 1.05
            data.reserveCapacity(Int(min(estimate, Double(ParquetCompression.maximumPageSize))))
        }
        var end = offsets[offsets.count - 1]
        for index in 0..<count {
            end += lengths[index]
            offsets.append(end)
        }
        data.append(contentsOf: bytes.assumingMemoryBound(to: UInt8.self))
    }

    private func appendPlain(_ bytes: UnsafeRawBufferPointer, count: Int) throws {
        if let fixedLength {
            guard count <= bytes.count / fixedLength else {
                throw ParquetCorruption(
                    "page holds \(bytes.count) bytes, too few for \(count) values of \(fixedLength) bytes")
            }
            var end = offsets[offsets.count - 1]
            for _ in 0..<count {
                end += fixedLength
                offsets.append(end)
            }
            data.append(
                contentsOf: UnsafeRawBufferPointer(rebasing: bytes[0..<count * fixedLength]).assumingMemoryBound(
                    to: UInt8.self))
            return
        }
        guard count <= bytes.count / 4 else {
            throw ParquetCorruption("page holds \(bytes.count) bytes, too few for \(count) BYTE_ARRAY values")
        }
        let lengths = offsetScratch.reserve(count)
        var position = 0
        var total = 0
        for index in 0..<count {
            guard bytes.count - position >= 4 else {
                throw ParquetCorruption("BYTE_ARRAY value \(index) of the page runs past its end")
            }
            let length = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self)))
            guard length <= bytes.count - position - 4 else {
                throw ParquetCorruption("BYTE_ARRAY value \(index) of \(length) bytes runs past the end of the page")
            }
            lengths[index] = length
            position += 4 + length
            total += length
        }
        let packed = byteScratch.reserve(total)
        let source = bytes.baseAddress!
        position = 0
        var written = 0
        for index in 0..<count {
            let length = lengths[index]
            (packed + written).update(from: (source + position + 4).assumingMemoryBound(to: UInt8.self), count: length)
            written += length
            position += 4 + length
        }
        appendPacked(lengths: lengths, count: count, bytes: UnsafeRawBufferPointer(start: packed, count: total))
    }

    private func appendFromDictionary(_ bytes: UnsafeRawBufferPointer, count: Int) throws {
        guard let dictionary else { throw ParquetCorruption("dictionary-encoded page without a dictionary page") }
        let indexBuffer = indices.reserve(count)
        try ParquetDictionaryIndices.decode(bytes, count: count, dictionaryCount: dictionary.count, into: indexBuffer)
        let ends = offsetScratch.reserve(count)
        let total = dictionary.offsets.withUnsafeBufferPointer { entryOffsets in
            let starts = entryOffsets.baseAddress!
            var end = offsets[offsets.count - 1]
            for index in 0..<count {
                let entry = Int(indexBuffer[index])
                end += starts[entry + 1] - starts[entry]
                ends[index] = end
            }
            return end - offsets[offsets.count - 1]
        }
        guard total <= ParquetCompression.maximumPageSize else {
            throw ParquetCorruption("dictionary-encoded page expands to \(total) bytes, more than a page may hold")
        }
        // Values of up to 16 bytes are copied as two 8-byte words; the dictionary's data and the
        // scratch buffer both carry 16 bytes of padding, so the over-copy stays in bounds.
        let packed = byteScratch.reserve(total + 16)
        dictionary.offsets.withUnsafeBufferPointer { entryOffsets in
            dictionary.paddedData.withUnsafeBufferPointer { entryData in
                let starts = entryOffsets.baseAddress!
                let source = UnsafeRawPointer(entryData.baseAddress!)
                let target = UnsafeMutableRawPointer(packed)
                var written = 0
                for index in 0..<count {
                    let entry = Int(indexBuffer[index])
                    let from = source + starts[entry]
                    let length = starts[entry + 1] - starts[entry]
                    if length <= 16 {
                        (target + written).storeBytes(of: from.loadUnaligned(as: UInt64.self), as: UInt64.self)
                        (target + written + 8).storeBytes(
                            of: from.loadUnaligned(fromByteOffset: 8, as: UInt64.self), as: UInt64.self)
                    } else {
                        (target + written).copyMemory(from: from, byteCount: length)
                    }
                    written += length
                }
            }
        }
        offsets.append(contentsOf: UnsafeBufferPointer(start: ends, count: count))
        data.append(contentsOf: UnsafeBufferPointer(start: packed, count: total))
    }

    private func appendByteStreamSplit(_ bytes: UnsafeRawBufferPointer, count: Int) throws {
        let width = fixedLength!
        guard bytes.count >= count * width else {
            throw ParquetCorruption("BYTE_STREAM_SPLIT page holds \(bytes.count) bytes, too few for \(count) values")
        }
        let packed = byteScratch.reserve(count * width)
        for index in 0..<count {
            for stream in 0..<width { packed[index * width + stream] = bytes[stream * count + index] }
        }
        try appendPlain(UnsafeRawBufferPointer(start: packed, count: count * width), count: count)
    }

    func spread(present: UnsafeBufferPointer<Bool>) {
        let denseCount = present.reduce(0) { $0 + ($1 ? 1 : 0) }
        let start = offsets.count - 1 - denseCount
        let ends = Array(offsets[(start + 1)...])
        offsets.removeLast(denseCount)
        var end = offsets[start]
        var dense = 0
        for isPresent in present {
            if isPresent {
                end = ends[dense]
                dense += 1
            }
            offsets.append(end)
        }
    }

    func storage(as type: ColumnType) throws -> ColumnStorage {
        switch type {
        case .string, .bytes:
            return .binary(BinaryValues(offsets: offsets, data: data))
        case .decimal(let precision, _) where precision <= 18:
            return .int64(
                try (0..<count).map { index in
                    try Self.bigEndianInteger(data[offsets[index]..<offsets[index + 1]])
                })
        case .decimal:
            return .binary(BinaryValues(offsets: offsets, data: data))
        default:
            throw ParquetCorruption("byte array values cannot be read as \(type)")
        }
    }

    /// A big-endian two's-complement integer of up to 8 significant bytes.
    private static func bigEndianInteger(_ bytes: ArraySlice<UInt8>) throws -> Int64 {
        guard let first = bytes.first else { return 0 }
        let sign: UInt8 = first & 0x80 == 0 ? 0 : 0xFF
        var significant = bytes[...]
        while significant.count > 8, significant.first == sign { significant = significant.dropFirst() }
        guard significant.count <= 8 else {
            throw ParquetCorruption("decimal value of \(bytes.count) bytes does not fit in 18 digits")
        }
        var value: Int64 = sign == 0 ? 0 : -1
        for byte in significant { value = value << 8 | Int64(byte) }
        return value
    }
}
