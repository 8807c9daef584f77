#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The rows of one write, encoded and reduced to the newest row per entity key.
///
/// Keys and stored rows are encoded into one byte arena as they arrive; an open-addressing
/// hash table of entries (one cache line each, found with one memory access in the common
/// case) finds a key seen before, and the newer row (by event timestamp, then created
/// timestamp, then arrival for a tie) keeps its place. Nothing touches the store until the
/// input is fully read and valid, so a bad row leaves the store as it was, and the encoded
/// batch can be written again when the map has to grow.
package struct WriteBatch {
    /// One distinct key and its newest row.
    package struct Entry {
        /// The key's first 16 bytes as two big-endian words (zero-padded), so most key
        /// comparisons need neither the arena nor `memcmp`.
        package var prefix: KeyPrefix
        package var keyOffset: Int
        package var valueOffset: Int
        /// The key's length, or -1 for an empty slot of the table.
        package var keyLength: Int32
        package var valueLength: Int32
        /// Bytes available at `valueOffset`, so a newer row of the same size or smaller
        /// overwrites the older one in place.
        package var valueCapacity: Int32
        package var hash: UInt32
        package var event: Int64
        package var created: Int64

        /// An empty table slot.
        package static let vacant = Entry(
            prefix: KeyPrefix(high: 0, low: 0), keyOffset: 0, valueOffset: 0, keyLength: -1, valueLength: 0,
            valueCapacity: 0,
            hash: 0, event: 0, created: 0)
    }

    private let view: OnlineViewSchema
    private let maxKeySize: Int
    package private(set) var arena: [UInt8] = []
    /// The hash table; its count is a power of two, at most half of it occupied.
    private var table: [Entry] = Array(repeating: .vacant, count: 1024)
    /// The number of distinct keys.
    package private(set) var keyCount = 0
    /// Rows added.
    package private(set) var rowsRead = 0
    /// Rows that lost to a newer row of the same key.
    package private(set) var rowsSuperseded = 0

    /// Creates an empty batch.
    /// - Parameters:
    ///   - view: the view the rows belong to.
    ///   - maxKeySize: the longest key the store accepts, in bytes.
    package init(view: OnlineViewSchema, maxKeySize: Int) {
        self.view = view
        self.maxKeySize = maxKeySize
    }

    /// Checks the view, then reads every row into a new batch, reporting the reading phase
    /// every 65,536 rows.
    /// - Parameters:
    ///   - view: the view the rows belong to.
    ///   - maxKeySize: the longest key the store accepts, in bytes.
    ///   - rows: the rows, read once.
    ///   - progress: receives the reading progress.
    /// - Returns: the batch.
    /// - Throws: ``OnlineStoreError`` for an invalid schema or a row that does not match it.
    package static func reading(
        view: OnlineViewSchema, maxKeySize: Int, rows: some Sequence<StoredRow>,
        progress: (OnlineWriteProgress) -> Void
    ) throws -> WriteBatch {
        try view.validate()
        var batch = WriteBatch(view: view, maxKeySize: maxKeySize)
        batch.reserve(rows: rows.underestimatedCount)
        for row in rows {
            try batch.add(row)
            if batch.rowsRead % (1 << 16) == 0 {
                progress(
                    OnlineWriteProgress(
                        view: view.name, phase: .reading, rowsRead: batch.rowsRead, keysDone: 0, keysTotal: 0))
            }
        }
        return batch
    }

    /// Makes room for about `rows` rows, so the arena and table do not grow row by row.
    /// - Parameter rows: the expected number of rows (a lower bound is fine).
    package mutating func reserve(rows: Int) {
        let expected = min(rows, 1 << 22)
        arena.reserveCapacity(expected * 48)
        while table.count < expected / 4 { table = Array(repeating: .vacant, count: table.count * 2) }
    }

    /// Adds a row, keeping it only when it is newer than the row already held for its key.
    /// - Parameter row: the row.
    /// - Throws: ``OnlineStoreError`` naming the view, row and key or feature when the row
    ///   does not match the schema; the batch must then be discarded.
    package mutating func add(_ row: StoredRow) throws {
        let index = rowsRead
        rowsRead += 1
        let keyOffset = arena.count
        try EntityKeyCodec.appendKey(columns: view.joinKeys, view: view.name, count: row.joinKeys.count, to: &arena) {
            row.joinKeys[$0]
        }
        let keyLength = arena.count - keyOffset
        guard keyLength <= maxKeySize else {
            throw OnlineStoreError(
                .invalidEntityKey,
                "row \(index) for feature view '\(view.name)' has an entity key of \(keyLength) bytes; the online store accepts at most \(maxKeySize)"
            )
        }
        let valueOffset = arena.count
        try ValueRecordCodec.appendRecord(row, features: view.features, view: view.name, index: index, to: &arena)
        let valueLength = arena.count - valueOffset
        let event = row.eventTimestamp.nanosecondsSinceEpoch
        let created = row.createdTimestamp?.nanosecondsSinceEpoch ?? .min
        let prefix = KeyPrefix(arena, offset: keyOffset, count: keyLength)
        let hash = prefix.hash(arena, offset: keyOffset, count: keyLength)

        let mask = table.count - 1
        var slot = Int(hash) & mask
        while table[slot].keyLength >= 0 {
            let existing = table[slot]
            if existing.hash == hash, Int(existing.keyLength) == keyLength, existing.prefix == prefix,
                keyLength <= KeyPrefix.size || Self.equalTails(arena, existing.keyOffset, keyOffset, count: keyLength)
            {
                rowsSuperseded += 1
                if (event, created) >= (existing.event, existing.created) {
                    replace(slot, withValueAt: valueOffset, length: valueLength, event: event, created: created)
                    if table[slot].valueOffset != valueOffset { arena.removeSubrange(keyOffset...) }
                } else {
                    arena.removeSubrange(keyOffset...)
                }
                return
            }
            slot = (slot + 1) & mask
        }
        table[slot] = Entry(
            prefix: prefix, keyOffset: keyOffset, valueOffset: valueOffset, keyLength: Int32(keyLength),
            valueLength: Int32(valueLength), valueCapacity: Int32(valueLength), hash: hash, event: event,
            created: created)
        keyCount += 1
        if keyCount * 2 > table.count { rehash() }
    }

    /// The newest row of every key, sorted by key bytes (the order of LMDB's default
    /// comparison), so the store is written front to back.
    /// - Returns: the entries; their offsets point into ``arena``.
    package func sortedEntries() -> [Entry] {
        var entries = table.filter { $0.keyLength >= 0 }
        arena.withUnsafeBytes { bytes in
            entries.sort { left, right in
                if left.prefix != right.prefix { return left.prefix < right.prefix }
                let common = Int(min(left.keyLength, right.keyLength))
                if common > KeyPrefix.size {
                    let order = memcmp(
                        bytes.baseAddress! + left.keyOffset + KeyPrefix.size,
                        bytes.baseAddress! + right.keyOffset + KeyPrefix.size,
                        common - KeyPrefix.size)
                    if order != 0 { return order < 0 }
                }
                return left.keyLength < right.keyLength
            }
        }
        return entries
    }

    /// Makes an entry hold a newer row, overwriting the old bytes when the new row fits.
    private mutating func replace(_ slot: Int, withValueAt offset: Int, length: Int, event: Int64, created: Int64) {
        var entry = table[slot]
        if length <= Int(entry.valueCapacity) {
            arena.withUnsafeMutableBytes { bytes in
                (bytes.baseAddress! + entry.valueOffset).copyMemory(
                    from: bytes.baseAddress! + offset, byteCount: length)
            }
        } else {
            entry.valueOffset = offset
            entry.valueCapacity = Int32(length)
        }
        entry.valueLength = Int32(length)
        entry.event = event
        entry.created = created
        table[slot] = entry
    }

    private mutating func rehash() {
        let old = table
        table = Array(repeating: .vacant, count: old.count * 2)
        let mask = table.count - 1
        for entry in old where entry.keyLength >= 0 {
            var slot = Int(entry.hash) & mask
            while table[slot].keyLength >= 0 { slot = (slot + 1) & mask }
            table[slot] = entry
        }
    }

    /// Whether the bytes after the first 16 of two keys of `count` bytes are equal.
    private static func equalTails(_ bytes: [UInt8], _ first: Int, _ second: Int, count: Int) -> Bool {
        bytes.withUnsafeBytes { raw in
            memcmp(
                raw.baseAddress! + first + KeyPrefix.size, raw.baseAddress! + second + KeyPrefix.size,
                count - KeyPrefix.size) == 0
        }
    }
}
