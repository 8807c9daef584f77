/// A problem found while decoding Parquet bytes, before the reader knows which file and
/// column it belongs to. ``ParquetReader`` turns it into a ``FormatError`` naming both.
struct ParquetCorruption: Error, Sendable {
    /// What is wrong, in words a user can act on.
    var message: String

    /// A problem described by `message`.
    init(_ message: String) {
        self.message = message
    }
}
