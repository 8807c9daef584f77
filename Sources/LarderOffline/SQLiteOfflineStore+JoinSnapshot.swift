internal import CSQLite

extension SQLiteOfflineStore {
    /// Runs `body` inside a read transaction of the store's connection and, when it can be
    /// had, of a second connection reading the very same snapshot, so that a join can search on
    /// two cores while every search reads one state of the store.
    ///
    /// Two read transactions see the same snapshot when both begin while no write can
    /// commit: a third connection takes the write lock (`BEGIN IMMEDIATE`) without waiting,
    /// both readers begin and read, and the lock is released at once. When a writer holds the
    /// lock (an ingestion under way), there is no second connection and the join searches on
    /// one core, as it always could; nothing waits for the writer.
    ///
    /// The second connection maps the same part of the file and keeps a smaller page cache
    /// (``twinCacheKibibytes``): the searches read each page once or twice, in order.
    /// - Parameter body: the work, given the second connection or `nil`.
    /// - Returns: what `body` returns.
    /// - Throws: what `body` throws, or ``SQLiteError`` when the store's connection cannot read.
    func withJoinSnapshot<Result>(_ body: (SQLiteConnection?) throws -> Result) throws -> Result {
        var lock = try? SQLiteConnection(path: path, busyTimeoutMilliseconds: 0)
        if (try? lock?.execute("BEGIN IMMEDIATE")) == nil {
            lock = nil
        }
        return try connection.transaction(.deferred) {
            try Self.startReading(connection)
            let twin = lock == nil ? nil : try? openTwin()
            try? lock?.execute("ROLLBACK")
            lock = nil
            defer { try? twin?.execute("COMMIT") }
            return try body(twin)
        }
    }

    /// The page cache of the second connection of a join, in KiB.
    static let twinCacheKibibytes = 64 * 1024

    /// Opens the second connection and begins its read transaction (the caller holds the
    /// write lock, so it reads the same snapshot as the store's connection).
    private func openTwin() throws -> SQLiteConnection {
        let twin = try SQLiteConnection(path: path)
        try twin.execute(
            """
            PRAGMA cache_size = -\(Self.twinCacheKibibytes);
            PRAGMA mmap_size = \(Self.mmapBytes);
            BEGIN DEFERRED
            """)
        do {
            try Self.startReading(twin)
        } catch {
            try? twin.execute("ROLLBACK")
            throw error
        }
        return twin
    }

    /// Reads from the database, which fixes the snapshot a deferred transaction sees.
    private static func startReading(_ connection: SQLiteConnection) throws {
        let statement = try connection.prepare("SELECT count(*) FROM sqlite_schema")
        try statement.step()
    }
}
