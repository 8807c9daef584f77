internal import LarderCore

/// Infers a column's type from a sample of its cells.
///
/// The rule: empty cells (nulls) are ignored, and the column gets the first type of this list
/// that every other sampled cell is a value of:
/// 1. `bool`: `true` or `false`, in any case (`1` and `0` count as integers);
/// 2. `int64`: an optionally signed decimal integer that fits 64 bits;
/// 3. `float64`: a decimal number, with an optional exponent, or `nan`/`inf`;
/// 4. `date`: `YYYY-MM-DD`;
/// 5. `timestamp`: anything ``LarderCore/Timestamp/init(parsingUTF8:)`` accepts except bare
///    integers (those are `int64`), stored in microseconds, or in nanoseconds when a sampled
///    value has sub-microsecond digits, as UTC;
/// 6. `string` otherwise, and when every sampled cell is empty.
///
/// The type is final once inferred: a later cell that does not fit it is an error naming its
/// line and column (declare the column's type to read such a file).
struct CSVTypeInference {
    private var candidates: Candidates = .all
    private var needsNanoseconds = false

    private struct Candidates: OptionSet {
        let rawValue: UInt8
        static let bool = Candidates(rawValue: 1)
        static let int64 = Candidates(rawValue: 2)
        static let float64 = Candidates(rawValue: 4)
        static let date = Candidates(rawValue: 8)
        static let timestamp = Candidates(rawValue: 16)
        static let all: Candidates = [.bool, .int64, .float64, .date, .timestamp]
    }

    /// Whether any non-empty cell has been seen.
    private var sawValue = false

    /// Takes one sampled cell into account.
    /// - Parameter bytes: the cell's content.
    mutating func observe(_ bytes: UnsafeBufferPointer<UInt8>) {
        let text = NumberText.trimmed(bytes)
        guard !text.isEmpty else { return }
        sawValue = true
        guard !candidates.isEmpty else { return }
        var fits: Candidates = []
        if candidates.contains(.bool),
            CSVColumnBuilder.equalsIgnoringCase(text, "true") || CSVColumnBuilder.equalsIgnoringCase(text, "false")
        {
            fits.insert(.bool)
        }
        if !candidates.isDisjoint(with: [.int64, .float64]) {
            if NumberText.int64(text) != nil {
                fits.formUnion([.int64, .float64])
            } else if NumberText.double(text) != nil {
                fits.insert(.float64)
            }
        }
        if !candidates.isDisjoint(with: [.date, .timestamp]), fits.isDisjoint(with: .int64) {
            if TemporalText.daysSinceEpoch(text) != nil {
                fits.formUnion([.date, .timestamp])
            } else if let (_, nanoseconds) = Timestamp.secondsAndNanoseconds(parsingUTF8: text) {
                fits.insert(.timestamp)
                if nanoseconds % 1_000 != 0 { needsNanoseconds = true }
            }
        }
        candidates.formIntersection(fits)
    }

    /// The type the sample supports.
    var inferredType: ColumnType {
        guard sawValue else { return .string }
        if candidates.contains(.bool) { return .bool }
        if candidates.contains(.int64) { return .int(bits: 64, signed: true) }
        if candidates.contains(.float64) { return .float64 }
        if candidates.contains(.date) { return .date }
        if candidates.contains(.timestamp) {
            return .timestamp(needsNanoseconds ? .nanoseconds : .microseconds, utcAdjusted: true)
        }
        return .string
    }
}
