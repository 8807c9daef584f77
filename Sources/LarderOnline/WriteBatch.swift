#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The rows of one write, encoded and reduced to the newest row per entity key.
///
/// Keys and stored rows are encoded into one byte arena as they arrive; an open-addressing
/// hash table finds a key seen before, and the newer row (by event timestamp, then created
/// timestamp, then arrival for a tie) keeps its place. Nothing touches the store until the
/// input is fully read and valid, so a bad row leaves the store as it was, and the encoded
/// batch can be written again when the map has to grow.
struct WriteBatch {
    /// One distinct key and its newest row.
    struct Entry {
        var keyOffset: Int
        var valueOffset: Int
        var keyLength: Int32
        var valueLength: Int32
        /// Bytes available at `valueOffset`, so a newer row of the same size or smaller
        /// overwrites the older one in place.
        var valueCapacity: Int32
        var hash: UInt32
        var event: Int64
        var created: Int64
    }

    private let view: OnlineViewSchema
    private let maxKeySize: Int
    private(set) var arena: [UInt8] = []
    private(set) var entries: [Entry] = []
    /// Entry indexes, -1 for an empty bucket; the count is a power of two.
    private var buckets: [Int32] = Array(repeating: -1, count: 1024)
    /// Rows added.
    private(set) var rowsRead = 0
    /// Rows that lost to a newer row of the same key.
    private(set) var rowsSuperseded = 0

    /// Creates an empty batch.
    /// - Parameters:
    ///   - view: the view the rows belong to.
    ///   - maxKeySize: the longest key the store accepts, in bytes.
    init(view: OnlineViewSchema, maxKeySize: Int) {
        self.view = view
        self.maxKeySize = maxKeySize
    }

    /// Adds a row, keeping it only when it is newer than the row already held for its key.
    /// - Parameter row: the row.
    /// - Throws: ``OnlineStoreError`` naming the view, row and key or feature when the row
    ///   does not match the schema; the batch must then be discarded.
    mutating func add(_ row: OnlineRow) throws {
        let index = rowsRead
        rowsRead += 1
        let keyOffset = arena.count
        try EntityKeyCodec.appendKey(columns: view.joinKeys, view: view.name, count: row.key.count, to: &arena) { row.key[$0] }
        let keyLength = arena.count - keyOffset
        guard keyLength <= maxKeySize else {
            throw OnlineStoreError(
                .invalidEntityKey,
                "row \(index) for feature view '\(view.name)' has an entity key of \(keyLength) bytes; the online store accepts at most \(maxKeySize)")
        }
        let valueOffset = arena.count
        try ValueRecordCodec.appendRecord(row, features: view.features, view: view.name, index: index, to: &arena)
        let valueLength = arena.count - valueOffset
        let event = row.eventTimestamp.nanosecondsSinceEpoch
        let created = row.createdTimestamp?.nanosecondsSinceEpoch ?? .min
        let hash = Self.hash(arena, offset: keyOffset, count: keyLength)

        var bucket = Int(hash) & (buckets.count - 1)
        while case let slot = buckets[bucket], slot >= 0 {
            let existing = entries[Int(slot)]
            if existing.hash == hash, Int(existing.keyLength) == keyLength,
                Self.equal(arena, existing.keyOffset, keyOffset, count: keyLength)
            {
                rowsSuperseded += 1
                if (event, created) >= (existing.event, existing.created) {
                    replace(Int(slot), withValueAt: valueOffset, length: valueLength, event: event, created: created)
                    if entries[Int(slot)].valueOffset != valueOffset { arena.removeSubrange(keyOffset...) }
                } else {
                    arena.removeSubrange(keyOffset...)
                }
                return
            }
            bucket = (bucket + 1) & (buckets.count - 1)
        }
        buckets[bucket] = Int32(entries.count)
        entries.append(Entry(
            keyOffset: keyOffset, valueOffset: valueOffset, keyLength: Int32(keyLength), valueLength: Int32(valueLength),
            valueCapacity: Int32(valueLength), hash: hash, event: event, created: created))
        if entries.count * 2 > buckets.count { rehash() }
    }

    /// Sorts the entries by key bytes, the order of LMDB's default comparison, so the store
    /// is written front to back.
    mutating func sortByKey() {
        arena.withUnsafeBytes { bytes in
            entries.sort { left, right in
                let common = Int(min(left.keyLength, right.keyLength))
                let order = memcmp(bytes.baseAddress! + left.keyOffset, bytes.baseAddress! + right.keyOffset, common)
                return order != 0 ? order < 0 : left.keyLength < right.keyLength
            }
        }
    }

    /// Makes an entry hold a newer row, overwriting the old bytes when the new row fits.
    private mutating func replace(_ index: Int, withValueAt offset: Int, length: Int, event: Int64, created: Int64) {
        var entry = entries[index]
        if length <= Int(entry.valueCapacity) {
            for position in 0..<length { arena[entry.valueOffset + position] = arena[offset + position] }
        } else {
            entry.valueOffset = offset
            entry.valueCapacity = Int32(length)
        }
        entry.valueLength = Int32(length)
        entry.event = event
        entry.created = created
        entries[index] = entry
    }

    private mutating func rehash() {
        buckets = Array(repeating: -1, count: buckets.count * 2)
        let mask = buckets.count - 1
        for (index, entry) in entries.enumerated() {
            var bucket = Int(entry.hash) & mask
            while buckets[bucket] >= 0 { bucket = (bucket + 1) & mask }
            buckets[bucket] = Int32(index)
        }
    }

    /// A 32-bit hash of key bytes (multiply-xorshift over 8-byte words).
    private static func hash(_ bytes: [UInt8], offset: Int, count: Int) -> UInt32 {
        bytes.withUnsafeBytes { raw in
            var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
            var position = offset
            let end = offset + count
            while position + 8 <= end {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
                hash ^= hash >> 32
                position += 8
            }
            while position < end {
                hash = (hash ^ UInt64(raw[position])) &* 0xC4CE_B9FE_1A85_EC53
                position += 1
            }
            hash ^= hash >> 29
            return UInt32(truncatingIfNeeded: hash)
        }
    }

    private static func equal(_ bytes: [UInt8], _ first: Int, _ second: Int, count: Int) -> Bool {
        bytes.withUnsafeBytes { raw in memcmp(raw.baseAddress! + first, raw.baseAddress! + second, count) == 0 }
    }
}
