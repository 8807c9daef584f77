public import LarderStores

/// Writing rows: reduced to the newest row per key in memory, then one newer-wins script
/// call per batch of keys, every server's calls in one transaction.
extension RedisOnlineStore {
    /// Writes rows of a view newer-wins per entity key. The script compares the stored row's
    /// event time, then created time, with the new row's on the server, so concurrent writers
    /// cannot replace a newer row with an older one. A row stored under another schema
    /// version is replaced whatever its times.
    /// - Parameters:
    ///   - view: the view's schema.
    ///   - rows: the rows, read once.
    ///   - progress: called as rows are read and stored.
    /// - Returns: rows read, superseded in the input, keys written and skipped as older.
    /// - Throws: ``OnlineStoreError`` naming the view, row and column of a bad row (nothing
    ///   is written then), or the server that failed.
    @discardableResult
    public func write(
        view: OnlineViewSchema, rows: some Sequence<StoredRow>, progress: (OnlineWriteProgress) -> Void
    ) throws -> OnlineWriteReport {
        let clock = ContinuousClock()
        let started = clock.now
        let batch = try WriteBatch.reading(view: view, maxKeySize: Self.maxKeySize, rows: rows, progress: progress)
        let entries = batch.sortedEntries()
        progress(
            OnlineWriteProgress(
                view: view.name, phase: .reading, rowsRead: batch.rowsRead, keysDone: 0, keysTotal: entries.count))

        let head = keyHead(view)
        let tag = versionTag(view)
        var keys: [[UInt8]] = []
        var values: [[UInt8]] = []
        keys.reserveCapacity(entries.count)
        values.reserveCapacity(entries.count)
        batch.arena.withUnsafeBufferPointer { arena in
            for entry in entries {
                keys.append(head + arena[entry.keyOffset..<entry.keyOffset + Int(entry.keyLength)])
                values.append(tag + arena[entry.valueOffset..<entry.valueOffset + Int(entry.valueLength)])
            }
        }
        let field = field(view)
        let keysPerCall = configuration.keysPerCall
        let expiry = expiry(view, entries)
        let parts = try run(keys: keys, "writing feature view '\(view.name)'") { [keys, values] indices in
            stride(from: 0, to: indices.count, by: keysPerCall).map { start in
                let chunk = indices[start..<min(start + keysPerCall, indices.count)]
                var arguments: [[UInt8]] = [field, Array(String(chunk.count).utf8), Array(expiry.mode.utf8)]
                arguments.reserveCapacity(3 + 3 * chunk.count)
                for index in chunk { arguments.append(keys[index]) }
                for index in chunk { arguments.append(values[index]) }
                for index in chunk where !expiry.at.isEmpty { arguments.append(Array(String(expiry.at[index]).utf8)) }
                return ScriptCatalog.command(.write, arguments)
            }
        }
        var written = 0
        for part in parts {
            for reply in part.replies {
                for outcome in reply.elements ?? [] where outcome.integer == 1 { written += 1 }
            }
        }
        progress(
            OnlineWriteProgress(
                view: view.name, phase: .committed, rowsRead: batch.rowsRead, keysDone: entries.count,
                keysTotal: entries.count))
        let report = OnlineWriteReport(
            rowsRead: batch.rowsRead, rowsSuperseded: batch.rowsSuperseded, keysWritten: written,
            keysSkippedAsOlder: entries.count - written, duration: clock.now - started)
        logger?.info(
            "online write committed",
            metadata: [
                "feature_view.name": "\(view.name)", "rows.count": "\(report.rowsRead)",
                "keys.written": "\(written)", "keys.skipped": "\(report.keysSkippedAsOlder)",
                "duration": "\(report.duration)",
            ])
        return report
    }

    /// How a write sets expiry: `none` unless ``Configuration/expireFromTTL``; then `persist`
    /// for a view without TTL, else `at` with each entry's event time plus the TTL, in
    /// milliseconds since the epoch.
    private func expiry(_ view: OnlineViewSchema, _ entries: [WriteBatch.Entry]) -> (mode: String, at: [Int64]) {
        guard configuration.expireFromTTL else { return ("none", []) }
        guard let ttl = view.ttlNanoseconds else { return ("persist", []) }
        return (
            "at",
            entries.map { entry in
                let (end, overflow) = entry.event.addingReportingOverflow(ttl)
                return (overflow ? .max : end) / 1_000_000
            }
        )
    }
}
