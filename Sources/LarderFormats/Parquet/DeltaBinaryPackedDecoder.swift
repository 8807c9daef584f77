/// Decodes DELTA_BINARY_PACKED integers: a header, then blocks of miniblocks holding
/// bit-packed deltas from a per-block minimum. Arithmetic wraps, as the encoding specifies.
struct DeltaBinaryPackedDecoder {
    private let base: UnsafePointer<UInt8>
    private let byteCount: Int
    /// The offset just past the last byte the decoded values used.
    private(set) var position = 0
    /// The number of values the header declares.
    let totalCount: Int
    private let valuesPerMiniblock: Int
    private let miniblocksPerBlock: Int

    /// Reads the header of an encoded run of integers.
    /// - Parameter bytes: the encoded data (it may continue with unrelated bytes).
    /// - Throws: ``ParquetCorruption`` for a malformed header.
    init(_ bytes: UnsafeRawBufferPointer) throws {
        base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? UnsafePointer(bitPattern: 1)!
        byteCount = bytes.count
        let blockSize = try Self.readVarint(base, byteCount, &position)
        let miniblocks = try Self.readVarint(base, byteCount, &position)
        let total = try Self.readVarint(base, byteCount, &position)
        guard blockSize > 0, blockSize % 128 == 0, blockSize <= 1 << 20, miniblocks > 0, blockSize % miniblocks == 0,
            (blockSize / miniblocks) % 32 == 0, total <= UInt64(Int32.max)
        else {
            throw ParquetCorruption(
                "DELTA_BINARY_PACKED header is invalid (block size \(blockSize), \(miniblocks) miniblocks, \(total) values)"
            )
        }
        miniblocksPerBlock = Int(miniblocks)
        valuesPerMiniblock = Int(blockSize / miniblocks)
        totalCount = Int(total)
    }

    /// Decodes all values into `output`, which has room for ``totalCount`` values.
    /// - Parameter output: receives the values, truncated to `T`.
    /// - Throws: ``ParquetCorruption`` when the data ends early.
    mutating func decode<T: FixedWidthInteger>(into output: UnsafeMutablePointer<T>) throws {
        var previous = UInt64(bitPattern: try Self.readZigZag(base, byteCount, &position))
        guard totalCount > 0 else { return }
        output[0] = T(truncatingIfNeeded: previous)
        var produced = 1
        let deltas = UnsafeMutablePointer<UInt64>.allocate(capacity: valuesPerMiniblock)
        defer { deltas.deallocate() }
        while produced < totalCount {
            let minimum = UInt64(bitPattern: try Self.readZigZag(base, byteCount, &position))
            guard byteCount - position >= miniblocksPerBlock else {
                throw ParquetCorruption("DELTA_BINARY_PACKED block header runs past the end of the page")
            }
            let widths = position
            position += miniblocksPerBlock
            for miniblock in 0..<miniblocksPerBlock where produced < totalCount {
                let width = Int(base[widths + miniblock])
                guard width <= 64 else {
                    throw ParquetCorruption("DELTA_BINARY_PACKED miniblock bit width \(width) is larger than 64")
                }
                let bytes = valuesPerMiniblock * width / 8
                let wanted = min(valuesPerMiniblock, totalCount - produced)
                // The last miniblock may be cut short; only the bits of wanted values must exist.
                guard byteCount - position >= (wanted * width + 7) / 8 else {
                    throw ParquetCorruption("DELTA_BINARY_PACKED miniblock runs past the end of the page")
                }
                BitUnpacking.unpack(
                    base, byteCount: byteCount, bitOffset: position * 8, width: width, count: wanted, into: deltas)
                for index in 0..<wanted {
                    previous = previous &+ minimum &+ deltas[index]
                    output[produced + index] = T(truncatingIfNeeded: previous)
                }
                produced += wanted
                position = min(position + bytes, byteCount)
            }
        }
    }

    /// Decodes all values.
    /// - Returns: the values as `Int64`.
    mutating func decodeAll() throws -> [Int64] {
        try [Int64](unsafeUninitializedCapacity: totalCount) { buffer, count in
            try decode(into: buffer.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)!)
            count = totalCount
        }
    }

    private static func readVarint(_ base: UnsafePointer<UInt8>, _ count: Int, _ position: inout Int) throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < count else { throw ParquetCorruption("DELTA_BINARY_PACKED data ends unexpectedly") }
            let byte = base[position]
            position += 1
            guard shift < 64 else { throw ParquetCorruption("DELTA_BINARY_PACKED varint is too long") }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    private static func readZigZag(_ base: UnsafePointer<UInt8>, _ count: Int, _ position: inout Int) throws -> Int64 {
        let raw = try readVarint(base, count, &position)
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }
}
