/// Finds the name a user probably meant when they typed one that does not exist, so errors
/// can say `did you mean "ttl_seconds"?`.
public enum Spelling {
    /// The edit distance (insertions, deletions, substitutions and swaps of two neighbours)
    /// between two strings, compared case-insensitively.
    /// - Parameters:
    ///   - a: one string.
    ///   - b: the other.
    /// - Returns: the number of edits that turn one into the other.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased().unicodeScalars)
        let b = Array(b.lowercased().unicodeScalars)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], before[j - 2] + 1)
                }
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }

    /// The candidate closest to `name`, if one is close enough to be a likely misspelling:
    /// at most a third of the name's length in edits (at least 2), or one that differs only
    /// in `-`, `_` and case.
    /// - Parameters:
    ///   - name: what the user typed.
    ///   - candidates: the names that exist.
    /// - Returns: the closest candidate, or `nil` when none is close.
    public static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        let folded = fold(name)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = fold(candidate) == folded ? 0 : Self.distance(name, candidate)
            if distance < best?.distance ?? .max { best = (candidate, distance) }
        }
        guard let best, best.distance <= max(2, name.count / 3) else { return nil }
        return best.candidate
    }

    /// ` (did you mean "x"?)`-style text: `did you mean "ttl_seconds"?`, or `nil`.
    /// - Parameters:
    ///   - name: what the user typed.
    ///   - candidates: the names that exist.
    /// - Returns: the suggestion, or `nil` when no candidate is close.
    public static func suggestion(for name: String, among candidates: some Sequence<String>) -> String? {
        closest(to: name, among: candidates).map { "did you mean \"\($0)\"?" }
    }

    private static func fold(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { $0 != "_" && $0 != "-" })
    }
}
