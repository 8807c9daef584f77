internal import LarderCore
internal import LarderFormats
import LarderStores

/// One entity row's join key and time, as the sorted-scan join orders and matches them.
///
/// Keys order as SQLite orders the stored keys: integers (and booleans and timestamps) by
/// value, reals by value, text and bytes bytewise. A single integer key is kept inline, so
/// the common case sorts without allocating.
struct EntityProbe {
    /// One part of a join key.
    enum KeyPart: Comparable {
        case integer(Int64)
        case real(Double)
        case bytes([UInt8])

        /// Orders parts of one key column (which are all of one case) as SQLite does.
        static func < (lhs: KeyPart, rhs: KeyPart) -> Bool {
            switch (lhs, rhs) {
            case (.integer(let a), .integer(let b)): a < b
            case (.real(let a), .real(let b)): a < b
            case (.bytes(let a), .bytes(let b)): a.lexicographicallyPrecedes(b)
            case (.integer, _), (.real, .bytes): true
            default: false
            }
        }
    }

    /// The key when it is a single integer-like key; 0 otherwise.
    var integer: Int64
    /// The key's parts when it is not a single integer-like key; empty otherwise.
    var parts: [KeyPart]
    /// The entity row's time, in nanoseconds.
    var time: Int64
    /// The entity row's position in its chunk.
    var row: Int

    /// Whether `self` comes before `other` in descending (key, time) order.
    func precedesDescending(_ other: EntityProbe) -> Bool {
        if integer != other.integer { return integer > other.integer }
        if parts != other.parts { return other.parts.lexicographicallyPrecedes(parts) }
        return time > other.time
    }

    /// Probes in descending (key, time) order. Probes of single integer keys (the common case)
    /// sort as plain pairs of integers.
    /// - Parameter probes: the probes, in any order.
    /// - Returns: the probes sorted.
    static func sortedDescending(_ probes: [EntityProbe]) -> [EntityProbe] {
        guard probes.allSatisfy({ $0.parts.isEmpty }), probes.count <= Int(Int32.max) else {
            return probes.sorted { $0.precedesDescending($1) }
        }
        var order = probes.indices.map { (key: probes[$0].integer, time: probes[$0].time, index: Int32($0)) }
        order.sort { ($0.key, $0.time) > ($1.key, $1.time) }
        return order.map { probes[Int($0.index)] }
    }

    /// Whether another probe has the same join key.
    func hasKey(of other: EntityProbe) -> Bool {
        integer == other.integer && parts == other.parts
    }

    /// Compares this probe's key with the key in result columns `0..<count` of a statement's row.
    /// - Returns: a negative number when the probe's key is smaller, 0 when equal, positive
    ///   when greater.
    func compareKey(withRowOf statement: SQLiteStatement, keyCount: Int) -> Int {
        if parts.isEmpty {
            let stored = statement.int64(at: 0)
            return integer < stored ? -1 : (integer > stored ? 1 : 0)
        }
        for index in 0..<keyCount {
            let column = Int32(index)
            let order: Int
            switch parts[index] {
            case .integer(let value):
                let stored = statement.int64(at: column)
                order = value < stored ? -1 : (value > stored ? 1 : 0)
            case .real(let value):
                let stored = statement.double(at: column)
                order = value < stored ? -1 : (value > stored ? 1 : 0)
            case .bytes(let value):
                order = statement.withBytes(at: column) { stored in
                    let shared = min(value.count, stored.count)
                    for offset in 0..<shared where value[offset] != stored[offset] {
                        return value[offset] < stored[offset] ? -1 : 1
                    }
                    return value.count < stored.count ? -1 : (value.count > stored.count ? 1 : 0)
                }
            }
            if order != 0 { return order }
        }
        return 0
    }

    /// The probes of a chunk of entity rows for one view's join keys: rows with a null key
    /// or time are left out (they match nothing).
    /// - Parameters:
    ///   - batches: the chunk's entity batches, in order.
    ///   - times: per batch, each row's time in nanoseconds or `nil`.
    ///   - joinKeys: the view's join keys, named as in the entity rows.
    /// - Returns: one probe per matchable row, unsorted; `row` counts across the chunk.
    static func probes(batches: [ColumnBatch], times: [[Int64?]], joinKeys: [OfflineColumn]) -> [EntityProbe] {
        let inline = joinKeys.count == 1 && isInteger(joinKeys[0].type)
        var probes: [EntityProbe] = []
        probes.reserveCapacity(batches.reduce(0) { $0 + $1.rowCount })
        var base = 0
        for (batchIndex, batch) in batches.enumerated() {
            let columns = joinKeys.map { batch.column(named: $0.name) }
            rows: for row in 0..<batch.rowCount {
                guard let time = times[batchIndex][row] else { continue }
                var parts: [KeyPart] = []
                for (index, key) in joinKeys.enumerated() {
                    guard let column = columns[index], let part = keyPart(column, row: row, type: key.type) else {
                        continue rows
                    }
                    if inline, case .integer(let value) = part {
                        // The key stays inline: no array per probe.
                        probes.append(EntityProbe(integer: value, parts: [], time: time, row: base + row))
                        continue rows
                    }
                    parts.append(part)
                }
                probes.append(EntityProbe(integer: 0, parts: parts, time: time, row: base + row))
            }
            base += batch.rowCount
        }
        return probes
    }

    private static func isInteger(_ type: ValueType) -> Bool {
        switch type {
        case .int32, .int64, .bool, .timestamp: true
        default: false
        }
    }

    /// Row `row` of an entity column as a key part of the join key's declared type, or `nil`
    /// for a null (or a value that cannot equal any stored key).
    private static func keyPart(_ column: Column, row: Int, type: ValueType) -> KeyPart? {
        if column.isNull(at: row) { return nil }
        switch column.storage {
        case .int64(let values) where isInteger(type) && column.type.valueType == .int64:
            return .integer(values[row])
        case .int32(let values) where isInteger(type) && column.type.valueType == .int32:
            return .integer(Int64(values[row]))
        case .binary(let values) where type == .string || type == .bytes:
            return .bytes(Array(values[row]))
        default:
            switch column.value(at: row) {
            case .bool(let value): return .integer(value ? 1 : 0)
            case .timestamp(let value): return .integer(value.nanosecondsSinceEpoch)
            case .float32(let value): return .real(Double(value))
            case .float64(let value): return .real(value)
            case let value: return value.int64Value.map { .integer($0) }
            }
        }
    }
}
