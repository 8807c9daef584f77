/// A map from 64-bit integer keys to positions: open addressing with linear probing and a
/// multiplicative hash, for the millions of key lookups a training set or a materialization
/// makes while it reads events. About three times faster here than `Dictionary<Int64, Int>`,
/// which hashes each key with SipHash (docs/BENCHMARKS.md, "Aggregation views").
struct IntegerKeyTable {
    /// Key and position side by side, so a lookup touches one cache line; position -1 is empty.
    private var slots: [(key: Int64, value: Int32)]
    private var mask: Int
    private(set) var count = 0

    /// An empty table.
    init() {
        slots = Array(repeating: (0, -1), count: 16)
        mask = 15
    }

    private func slot(of key: Int64) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    /// The position stored for a key.
    /// - Parameter key: the key.
    /// - Returns: the position, or `nil` when the key is not in the table.
    func position(of key: Int64) -> Int? {
        var index = slot(of: key)
        while slots[index].value >= 0 {
            if slots[index].key == key { return Int(slots[index].value) }
            index = (index + 1) & mask
        }
        return nil
    }

    /// Stores a position for a key that is not in the table yet.
    /// - Parameters:
    ///   - position: the position (below 2^31).
    ///   - key: the key.
    mutating func insert(_ position: Int, for key: Int64) {
        if (count + 1) * 4 > slots.count * 3 { grow() }
        var index = slot(of: key)
        while slots[index].value >= 0 { index = (index + 1) & mask }
        slots[index] = (key, Int32(position))
        count += 1
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: (0, -1), count: old.count * 2)
        mask = slots.count - 1
        count = 0
        for (key, value) in old where value >= 0 { insert(Int(value), for: key) }
    }
}
