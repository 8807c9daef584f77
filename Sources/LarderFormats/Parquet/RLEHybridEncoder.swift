/// Encodes values with the RLE / bit-packed hybrid encoding: runs of eight or more equal
/// values as RLE runs, everything else bit-packed in groups of eight.
enum RLEHybridEncoder {
    /// Encodes `values`, each of at most `bitWidth` bits.
    /// - Parameters:
    ///   - values: the values.
    ///   - bitWidth: bits per value (0...32).
    ///   - output: receives the runs (no length prefix).
    static func encode(_ values: UnsafeBufferPointer<UInt32>, bitWidth: Int, into output: inout [UInt8]) {
        let count = values.count
        var index = 0
        while index < count {
            let run = runLength(values, from: index)
            if run >= 8 {
                appendVarint(UInt64(run) << 1, to: &output)
                appendLittleEndian(values[index], bytes: (bitWidth + 7) / 8, to: &output)
                index += run
                continue
            }
            // Bit-pack whole groups of eight until a long run starts at a group boundary.
            var end = index
            repeat {
                end += 8
            } while end < count && runLength(values, from: end) < 8
            let groups = (end - index) / 8
            appendVarint(UInt64(groups) << 1 | 1, to: &output)
            packGroups(values, from: index, count: groups * 8, bitWidth: bitWidth, into: &output)
            index = end
        }
    }

    private static func runLength(_ values: UnsafeBufferPointer<UInt32>, from start: Int) -> Int {
        let value = values[start]
        var end = start + 1
        while end < values.count && values[end] == value { end += 1 }
        return end - start
    }

    private static func packGroups(
        _ values: UnsafeBufferPointer<UInt32>, from start: Int, count: Int, bitWidth: Int, into output: inout [UInt8]
    ) {
        var accumulator: UInt64 = 0
        var bits = 0
        for index in start..<start + count {
            let value = index < values.count ? UInt64(values[index]) : 0
            accumulator |= value << UInt64(bits)
            bits += bitWidth
            while bits >= 8 {
                output.append(UInt8(truncatingIfNeeded: accumulator))
                accumulator >>= 8
                bits -= 8
            }
        }
        if bits > 0 { output.append(UInt8(truncatingIfNeeded: accumulator)) }
    }

    /// Appends an unsigned LEB128 varint.
    static func appendVarint(_ value: UInt64, to output: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            output.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        output.append(UInt8(rest))
    }

    private static func appendLittleEndian(_ value: UInt32, bytes: Int, to output: inout [UInt8]) {
        for index in 0..<bytes { output.append(UInt8(truncatingIfNeeded: value >> (8 * UInt32(index)))) }
    }
}
