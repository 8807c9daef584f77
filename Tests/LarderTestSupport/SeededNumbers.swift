/// Deterministic pseudo-random numbers in [0, 1) (SplitMix64): the same sequence for the same
/// seed on every run and machine, for tests that write data of their own.
public struct SeededNumbers: Sendable {
    private var state: UInt64

    /// A sequence from a seed.
    /// - Parameter seed: the seed.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next number, in [0, 1).
    public mutating func next() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }
}
