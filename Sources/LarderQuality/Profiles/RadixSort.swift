/// Sorts doubles (no NaN) ascending by their bits: each value becomes an unsigned key that
/// orders as the value does (the sign bit flipped for positives, every bit for negatives), and
/// the keys are sorted least significant 16 bits first, four counting passes in all. A million
/// values take a few milliseconds, several times faster than a comparison sort.
enum RadixSort {
    /// Below this count a comparison sort is as fast.
    static let smallCount = 4_096

    /// Sorts `values` ascending.
    /// - Parameter values: the values, none of them NaN.
    static func sort(_ values: inout [Double]) {
        guard values.count > smallCount else {
            values.sort()
            return
        }
        let count = values.count
        var keys = values.map { orderedKey($0) }
        var scratch = [UInt64](repeating: 0, count: count)
        var counts = [Int](repeating: 0, count: 1 << 16)
        keys.withUnsafeMutableBufferPointer { keyBuffer in
            scratch.withUnsafeMutableBufferPointer { scratchBuffer in
                counts.withUnsafeMutableBufferPointer { countBuffer in
                    var source = keyBuffer
                    var destination = scratchBuffer
                    for shift in stride(from: 0, to: 64, by: 16) {
                        let digit = { (key: UInt64) in Int(truncatingIfNeeded: (key >> UInt64(shift)) & 0xFFFF) }
                        for index in countBuffer.indices { countBuffer[index] = 0 }
                        for key in source { countBuffer[digit(key)] += 1 }
                        // A pass whose digit is the same for every key would only copy: skip it.
                        if countBuffer[digit(source[0])] == count { continue }
                        var offset = 0
                        for index in countBuffer.indices {
                            let next = offset + countBuffer[index]
                            countBuffer[index] = offset
                            offset = next
                        }
                        for key in source {
                            let slot = digit(key)
                            destination[countBuffer[slot]] = key
                            countBuffer[slot] += 1
                        }
                        swap(&source, &destination)
                    }
                    values.withUnsafeMutableBufferPointer { output in
                        for index in 0..<count { output[index] = value(ofKey: source[index]) }
                    }
                }
            }
        }
    }

    static func orderedKey(_ value: Double) -> UInt64 {
        let bits = value.bitPattern
        return bits & (1 << 63) == 0 ? bits | (1 << 63) : ~bits
    }

    static func value(ofKey key: UInt64) -> Double {
        Double(bitPattern: key & (1 << 63) != 0 ? key & ~(1 << 63) : ~key)
    }
}
