public import LarderStores
/// Writing rows: newest row per key, newer-wins against the stored rows, one atomic commit.
extension LMDBOnlineStore {
    /// How often progress is reported, in rows or keys.
    private static let progressInterval = 1 << 16

    /// Writes rows of a view, keeping for each entity key the newest row.
    ///
    /// Among the given rows, the row with the greatest (event timestamp, created timestamp)
    /// wins per key (a tie goes to the row given last). It replaces the stored row only when
    /// it is strictly newer by the same order; otherwise the key is skipped as older. All of
    /// the call's changes commit in one LMDB transaction: readers see every old value or
    /// every new one. Rows stored under another schema version of the view are removed in
    /// the same transaction.
    ///
    /// Every row is validated before the store is touched, so a bad row leaves it unchanged.
    /// The newest rows are held encoded in memory (about their stored size) until the commit;
    /// when the map is full it grows and the encoded rows are written again.
    /// - Parameters:
    ///   - view: the view's schema.
    ///   - rows: the rows, read once.
    ///   - progress: called on the writing thread every 65,536 rows or keys and at the end
    ///     of each phase.
    /// - Returns: rows read, rows superseded in the input, keys written and keys skipped.
    /// - Throws: ``OnlineStoreError``: `.invalidSchema`, `.invalidRow` or `.invalidEntityKey`
    ///   naming the view, row and column; `.storeFull`; or `.storage` from LMDB.
    @discardableResult
    public func write(
        view: OnlineViewSchema, rows: some Sequence<StoredRow>, progress: (OnlineWriteProgress) -> Void = { _ in }
    ) throws -> OnlineWriteReport {
        let clock = ContinuousClock()
        let started = clock.now
        let batch = try WriteBatch.reading(
            view: view, maxKeySize: environment.maxKeySize, rows: rows, progress: progress)
        let entries = batch.sortedEntries()
        let keysTotal = entries.count
        progress(
            OnlineWriteProgress(
                view: view.name, phase: .reading, rowsRead: batch.rowsRead, keysDone: 0, keysTotal: keysTotal))

        let slot = slot(named: DatabaseNaming.name(view: view.name, version: view.version))
        let (written, skipped) = try writer.withLock { _ in
            try withMapRetries(growOnFull: true) {
                let databases = try openForWriting(view, slot: slot)
                return try store(entries, from: batch.arena, in: databases) { keysDone in
                    progress(
                        OnlineWriteProgress(
                            view: view.name, phase: .storing, rowsRead: batch.rowsRead, keysDone: keysDone,
                            keysTotal: keysTotal))
                }
            }
        }
        progress(
            OnlineWriteProgress(
                view: view.name, phase: .committed, rowsRead: batch.rowsRead, keysDone: keysTotal, keysTotal: keysTotal)
        )
        let report = OnlineWriteReport(
            rowsRead: batch.rowsRead, rowsSuperseded: batch.rowsSuperseded, keysWritten: written,
            keysSkippedAsOlder: skipped, duration: clock.now - started)
        logger?.info(
            "online write committed",
            metadata: [
                "feature_view.name": "\(view.name)", "rows.count": "\(report.rowsRead)",
                "keys.written": "\(written)", "keys.skipped": "\(skipped)", "duration": "\(report.duration)",
            ])
        return report
    }

    /// Writes a reduced batch in one write transaction, inside the gate.
    /// - Parameters:
    ///   - entries: the newest row per key, sorted by key.
    ///   - arena: the bytes the entries point into.
    ///   - databases: the handle to write and the handles of other versions to empty.
    ///   - progress: receives the number of keys done.
    /// - Returns: keys written and keys skipped as older.
    /// - Throws: ``OnlineStoreError``; `.mapFull` when the map must grow.
    private func store(
        _ entries: [WriteBatch.Entry], from arena: [UInt8], in databases: (current: UInt32, others: [UInt32]),
        progress: (Int) -> Void
    ) throws -> (written: Int, skipped: Int) {
        let transaction = try LMDBWriteTransaction(environment: environment)
        for other in databases.others {
            try transaction.drop(other, delete: false)
        }
        let dbi = databases.current
        // Into an empty database, sorted keys can be appended without looking anything up.
        let append = try transaction.entryCount(dbi) == 0
        var written = 0
        var skipped = 0
        try arena.withUnsafeBytes { arena in
            for (done, entry) in entries.enumerated() {
                if done % Self.progressInterval == 0, done > 0 { progress(done) }
                let key = UnsafeRawBufferPointer(
                    rebasing: arena[entry.keyOffset..<entry.keyOffset + Int(entry.keyLength)])
                if !append, let stored = try transaction.get(dbi, key: key) {
                    var reader = ByteReader(stored)
                    // A stored row that cannot be read is replaced rather than kept.
                    if let header = ValueRecordCodec.header(from: &reader), header.order >= (entry.event, entry.created)
                    {
                        skipped += 1
                        continue
                    }
                }
                let value = UnsafeRawBufferPointer(
                    rebasing: arena[entry.valueOffset..<entry.valueOffset + Int(entry.valueLength)])
                try transaction.put(dbi, key: key, value: value, append: append)
                written += 1
            }
        }
        try transaction.commit()
        return (written, skipped)
    }
}
