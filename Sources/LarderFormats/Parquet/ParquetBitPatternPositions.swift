/// The dictionary position of each distinct bit pattern of a chunk's fixed-width values: a
/// table with open addressing and a multiplicative hash, sized once for the most distinct
/// values a dictionary page holds. Writing a training set dictionary-encodes every output
/// column; with `Dictionary<UInt64, UInt32>` (SipHash per value) that took a fifth of a
/// point-in-time join's instructions (docs/BENCHMARKS.md, "Training-set output").
struct ParquetBitPatternPositions {
    /// `patterns[slot]` is valid where `positions[slot] > 0`.
    private var patterns: [UInt64]
    /// Per slot, the dictionary position plus one; 0 for an empty slot.
    private var positions: [UInt32]
    private let shift: UInt64

    /// An empty table for up to `capacity` distinct patterns, at most half full.
    /// - Parameter capacity: the most patterns that will be added.
    init(capacity: Int) {
        var bits: UInt64 = 4
        while (1 << bits) < capacity * 2 { bits += 1 }
        patterns = Array(repeating: 0, count: 1 << bits)
        positions = Array(repeating: 0, count: 1 << bits)
        shift = 64 - bits
    }

    /// The position of a pattern, adding it at `next` when it is new.
    /// - Parameters:
    ///   - pattern: the value's bits.
    ///   - next: the position a new pattern gets (below the capacity).
    /// - Returns: the pattern's position, and whether it was added.
    mutating func position(of pattern: UInt64, orAdd next: UInt32) -> (position: UInt32, added: Bool) {
        let mask = positions.count - 1
        var slot = Int(truncatingIfNeeded: (pattern &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while positions[slot] != 0 {
            if patterns[slot] == pattern { return (positions[slot] - 1, false) }
            slot = (slot + 1) & mask
        }
        patterns[slot] = pattern
        positions[slot] = next + 1
        return (next, true)
    }
}
