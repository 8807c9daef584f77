extension ParquetWriter {
    /// How a Parquet file is written.
    public struct Options: Sendable, Hashable {
        /// Page compression.
        public enum Compression: Sendable, Hashable {
            /// No compression.
            case none
            /// Snappy, pyarrow's default.
            case snappy
        }

        /// Page compression (default Snappy).
        public var compression: Compression
        /// Whether to dictionary-encode columns whose distinct values fit a 1 MiB dictionary
        /// (default true); other columns are written PLAIN.
        public var dictionary: Bool
        /// The most rows in one row group (default 1,048,576, as pyarrow).
        public var rowGroupRows: Int
        /// The most rows in one data page (default 20,000, as pyarrow).
        public var pageRows: Int

        /// Options with pyarrow-like defaults.
        /// - Parameters:
        ///   - compression: page compression.
        ///   - dictionary: whether to dictionary-encode.
        ///   - rowGroupRows: the most rows in a row group (at least 1).
        ///   - pageRows: the most rows in a data page (at least 1).
        public init(
            compression: Compression = .snappy, dictionary: Bool = true, rowGroupRows: Int = 1_048_576,
            pageRows: Int = 20_000
        ) {
            self.compression = compression
            self.dictionary = dictionary
            self.rowGroupRows = max(rowGroupRows, 1)
            self.pageRows = max(pageRows, 1)
        }
    }
}
