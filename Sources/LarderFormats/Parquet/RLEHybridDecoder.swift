/// Decodes the RLE / bit-packed hybrid encoding used for definition and repetition levels,
/// dictionary indices and RLE booleans. Reads only within its buffer; a run claiming more
/// values or bytes than exist is an error, never an over-read.
struct RLEHybridDecoder {
    private let base: UnsafePointer<UInt8>
    private let byteCount: Int
    private let bitWidth: Int
    private var position = 0
    private var repeatedRemaining = 0
    private var repeatedValue: UInt64 = 0
    private var packedRemaining = 0
    private var packedBit = 0

    /// A decoder of `bytes` holding values of `bitWidth` bits (0...32).
    /// - Parameters:
    ///   - bytes: the encoded runs (without any length prefix).
    ///   - bitWidth: the width of each value.
    /// - Throws: ``ParquetCorruption`` for a width above 32.
    init(_ bytes: UnsafeRawBufferPointer, bitWidth: Int) throws {
        guard (0...32).contains(bitWidth) else {
            throw ParquetCorruption("RLE bit width \(bitWidth) is larger than 32")
        }
        // A valid non-null base even for empty input; no byte is read when `byteCount` is 0.
        base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? UnsafePointer(bitPattern: 1)!
        byteCount = bytes.count
        self.bitWidth = bitWidth
    }

    /// Decodes the next `count` values.
    /// - Parameters:
    ///   - output: room for `count` values.
    ///   - count: the number of values wanted.
    /// - Throws: ``ParquetCorruption`` when the runs end before `count` values.
    mutating func decode<T: FixedWidthInteger>(into output: UnsafeMutablePointer<T>, count: Int) throws {
        var produced = 0
        while produced < count {
            if repeatedRemaining > 0 {
                let run = min(repeatedRemaining, count - produced)
                (output + produced).update(repeating: T(truncatingIfNeeded: repeatedValue), count: run)
                repeatedRemaining -= run
                produced += run
            } else if packedRemaining > 0 {
                let run = min(packedRemaining, count - produced)
                BitUnpacking.unpack(
                    base, byteCount: byteCount, bitOffset: packedBit, width: bitWidth, count: run,
                    into: output + produced)
                packedBit += run * bitWidth
                packedRemaining -= run
                produced += run
            } else {
                try readRunHeader()
            }
        }
    }

    /// The repeated value when the data starts with an RLE run of at least `count` values, so
    /// callers can skip decoding a page whose levels are all equal.
    /// - Parameters:
    ///   - bytes: the encoded runs.
    ///   - bitWidth: the width of each value (0...32).
    ///   - count: the number of values the page holds.
    static func leadingRepeatedValue(_ bytes: UnsafeRawBufferPointer, bitWidth: Int, covering count: Int) -> UInt64? {
        var header: UInt64 = 0
        var position = 0
        while position < min(bytes.count, 5) {
            let byte = bytes[position]
            header |= UInt64(byte & 0x7F) << (7 * UInt64(position))
            position += 1
            guard byte & 0x80 != 0 else {
                let valueBytes = (bitWidth + 7) / 8
                guard header & 1 == 0, header >> 1 >= UInt64(count), bytes.count - position >= valueBytes else {
                    return nil
                }
                var value: UInt64 = 0
                for index in 0..<valueBytes { value |= UInt64(bytes[position + index]) << (8 * UInt64(index)) }
                return value
            }
        }
        return nil
    }

    private mutating func readRunHeader() throws {
        var header: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < byteCount else {
                throw ParquetCorruption("RLE-encoded data ends before all values were read")
            }
            let byte = base[position]
            position += 1
            guard shift < 35 else { throw ParquetCorruption("RLE run header is longer than 5 bytes") }
            header |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { break }
            shift += 7
        }
        if header & 1 == 1 {
            let groups = Int(header >> 1)
            let available = byteCount - position
            let bytes = groups * bitWidth
            // A final run may be cut short; read only the values whose bits are present.
            let usableBytes = min(bytes, available)
            packedRemaining = bitWidth == 0 ? groups * 8 : min(groups * 8, usableBytes * 8 / bitWidth)
            packedBit = position * 8
            position += usableBytes
            guard packedRemaining > 0 else { throw ParquetCorruption("RLE bit-packed run is empty or truncated") }
        } else {
            let run = Int(header >> 1)
            let valueBytes = (bitWidth + 7) / 8
            guard run > 0 else { throw ParquetCorruption("RLE run of zero values") }
            guard byteCount - position >= valueBytes else {
                throw ParquetCorruption("RLE run value runs past the end of the data")
            }
            var value: UInt64 = 0
            for index in 0..<valueBytes { value |= UInt64(base[position + index]) << (8 * UInt64(index)) }
            position += valueBytes
            repeatedValue = value
            repeatedRemaining = run
        }
    }
}
