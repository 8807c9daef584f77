/// Decoded BOOLEAN values: PLAIN (one bit each) or RLE (length-prefixed hybrid runs).
final class BooleanColumnValues: ParquetColumnValues {
    private(set) var values: [Bool] = []
    private let bits = ParquetScratchBuffer<UInt8>()

    var count: Int { values.count }

    func reserveCapacity(_ count: Int) {
        values.reserveCapacity(values.count + count)
    }

    func loadDictionary(_ bytes: UnsafeRawBufferPointer, count: Int) throws {
        throw ParquetCorruption("BOOLEAN columns cannot have a dictionary page")
    }

    func append(_ encoding: ParquetEncoding, _ bytes: UnsafeRawBufferPointer, count: Int) throws {
        guard count > 0 else { return }
        let output = bits.reserve(count)
        switch encoding {
        case .plain:
            guard bytes.count >= (count + 7) / 8 else {
                throw ParquetCorruption("page holds \(bytes.count) bytes, too few for \(count) BOOLEAN values")
            }
            BitUnpacking.unpack(
                bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), byteCount: bytes.count, bitOffset: 0, width: 1,
                count: count, into: output)
        case .rle:
            guard bytes.count >= 4 else { throw ParquetCorruption("RLE BOOLEAN page is missing its length prefix") }
            let length = Int(bytes.loadUnaligned(as: UInt32.self).littleEndian)
            guard length <= bytes.count - 4 else {
                throw ParquetCorruption("RLE BOOLEAN data of \(length) bytes runs past the end of the page")
            }
            var decoder = try RLEHybridDecoder(UnsafeRawBufferPointer(rebasing: bytes[4..<4 + length]), bitWidth: 1)
            try decoder.decode(into: output, count: count)
        default:
            throw unsupported(encoding, for: "BOOLEAN")
        }
        for index in 0..<count { values.append(output[index] != 0) }
    }

    func spread(present: UnsafeBufferPointer<Bool>) {
        spreadArray(&values, present: present, zero: false)
    }

    func storage(as type: ColumnType) throws -> ColumnStorage {
        guard case .bool = type else { throw ParquetCorruption("BOOLEAN values cannot be read as \(type)") }
        return .bool(values)
    }
}
