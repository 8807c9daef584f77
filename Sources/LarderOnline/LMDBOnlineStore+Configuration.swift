public import LarderStores
extension LMDBOnlineStore {
    /// Settings of an LMDB online store; the defaults suit a single machine.
    public struct Configuration: Sendable, Hashable {
        /// The map size to open with, in bytes. The map is address space reserved for the data
        /// file, which itself grows only as data is written. Default 1 GiB.
        public var initialMapSize: Int
        /// The largest the map may grow to, in bytes; `nil` for no limit. A write that needs
        /// more fails with `.storeFull` and leaves the store unchanged.
        public var maximumMapSize: Int?
        /// Read transactions that may be open at once, over all processes using the store.
        public var maxReaders: Int
        /// Named databases the store may hold: one per view (two briefly while a view changes
        /// schema).
        public var maxDatabases: Int
        /// Reset read transactions kept for reuse; about the number of threads that read.
        public var readTransactionPoolSize: Int

        /// Creates a configuration.
        /// - Parameters:
        ///   - initialMapSize: the map size to open with, in bytes.
        ///   - maximumMapSize: the largest the map may grow to, or `nil` for no limit.
        ///   - maxReaders: read transactions that may be open at once over all processes.
        ///   - maxDatabases: named databases the store may hold.
        ///   - readTransactionPoolSize: reset read transactions kept for reuse.
        public init(
            initialMapSize: Int = 1 << 30, maximumMapSize: Int? = nil, maxReaders: Int = 512,
            maxDatabases: Int = 512, readTransactionPoolSize: Int = 32
        ) {
            self.initialMapSize = initialMapSize
            self.maximumMapSize = maximumMapSize
            self.maxReaders = maxReaders
            self.maxDatabases = maxDatabases
            self.readTransactionPoolSize = readTransactionPoolSize
        }
    }
}
