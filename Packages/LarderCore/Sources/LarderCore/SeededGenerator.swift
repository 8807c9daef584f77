/// A small, fast random number generator (SplitMix64) that draws the same numbers for the
/// same seed, so example data, benchmark keys and fuzzed inputs are the same on every run and
/// a failure can be replayed.
///
/// Not for anything secret: the sequence is predictable from the seed.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator.
    /// - Parameter seed: the seed; equal seeds give equal sequences.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    /// - Returns: the bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform number in [0, 1), from the next 53 random bits.
    /// - Returns: the number.
    public mutating func unit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }
}
