internal import LarderCore
internal import LarderFormats
import LarderStores

/// The order in which to insert a run of source rows so that they arrive in the data table's
/// point-in-time order (join keys, event time, creation time, sequence): SQLite then appends
/// each row after the last instead of searching for its place, and the table's pages are
/// filled in order.
///
/// The order only decides speed, never what is stored: a part of the key it cannot read
/// cheaply (a decimal, a list) sorts as equal, and such rows are inserted in file order.
enum SourceRowOrder {
    /// One column of the key, for every row of the run.
    private enum Part {
        case integers([Int64])
        case reals([Double])
        case bytes(BinaryValues)
        case unordered

        func compare(_ a: Int, _ b: Int) -> Int {
            switch self {
            case .integers(let values): return values[a] < values[b] ? -1 : (values[a] > values[b] ? 1 : 0)
            case .reals(let values): return values[a] < values[b] ? -1 : (values[a] > values[b] ? 1 : 0)
            case .bytes(let values):
                return values.data.withUnsafeBufferPointer { data in
                    let lhs = UnsafeBufferPointer(rebasing: data[values.offsets[a]..<values.offsets[a + 1]])
                    let rhs = UnsafeBufferPointer(rebasing: data[values.offsets[b]..<values.offsets[b + 1]])
                    let shared = min(lhs.count, rhs.count)
                    for index in 0..<shared where lhs[index] != rhs[index] {
                        return lhs[index] < rhs[index] ? -1 : 1
                    }
                    return lhs.count < rhs.count ? -1 : (lhs.count > rhs.count ? 1 : 0)
                }
            case .unordered: return 0
            }
        }
    }

    /// One integer key, the event time and the creation time: the common key, sorted as
    /// plain values.
    private struct IntegerKey: Comparable {
        var key: Int64
        var event: Int64
        var created: Int64
        var row: Int32

        static func < (lhs: IntegerKey, rhs: IntegerKey) -> Bool {
            (lhs.key, lhs.event, lhs.created, lhs.row) < (rhs.key, rhs.event, rhs.created, rhs.row)
        }
    }

    /// The run's rows in point-in-time order.
    /// - Parameters:
    ///   - columns: per part of the key (join keys, event time, creation time), the run's
    ///     columns batch by batch; `nil` for a part the source does not have (no creation
    ///     time), which is ``DataTableLayout/missingCreatedTime`` for every row.
    ///   - types: each part's declared type.
    ///   - rowCount: the run's number of rows.
    /// - Returns: the positions of the run's rows (counted across its batches), sorted; rows
    ///   of equal keys and times keep their file order.
    static func sorted(columns: [[Column]?], types: [ValueType], rowCount: Int) -> [Int] {
        let parts = zip(columns, types).map { columns, type in
            columns.map { part(of: $0, as: type, rowCount: rowCount) }
                ?? .integers(Array(repeating: DataTableLayout.missingCreatedTime, count: rowCount))
        }
        if parts.count == 3, case .integers(let keys) = parts[0], case .integers(let events) = parts[1],
            case .integers(let created) = parts[2], rowCount <= Int(Int32.max)
        {
            return sortedOnTwoCores(rowCount: rowCount) {
                IntegerKey(key: keys[$0], event: events[$0], created: created[$0], row: Int32($0))
            }
        }
        return (0..<rowCount).sorted { a, b in
            for part in parts {
                let order = part.compare(a, b)
                if order != 0 { return order < 0 }
            }
            return a < b
        }
    }

    /// The rows' positions in the order of their keys: each half of the rows is keyed and
    /// sorted on its own core, then the halves are merged. The row is part of each key, so no
    /// two keys are equal and the order is the one a single sort gives.
    private static func sortedOnTwoCores(
        rowCount: Int, key: (Int) -> IntegerKey
    ) -> [Int] {
        let middle = rowCount / 2
        let (low, high) = TwoCores.perform { half in
            var keys = (half == 0 ? 0..<middle : middle..<rowCount).map(key)
            keys.sort()
            return keys
        }
        var order: [Int] = []
        order.reserveCapacity(rowCount)
        var left = 0
        var right = 0
        while left < low.count, right < high.count {
            if high[right] < low[left] {
                order.append(Int(high[right].row))
                right += 1
            } else {
                order.append(Int(low[left].row))
                left += 1
            }
        }
        order += low[left...].lazy.map { Int($0.row) }
        order += high[right...].lazy.map { Int($0.row) }
        return order
    }

    /// One part of the key for every row, as SQLite orders the stored values (nulls, which
    /// only a creation time can have, as the missing creation time).
    private static func part(of columns: [Column], as type: ValueType, rowCount: Int) -> Part {
        switch type {
        case .bool, .int32, .int64, .timestamp:
            var values: [Int64] = []
            values.reserveCapacity(rowCount)
            for column in columns { appendIntegers(of: column, to: &values) }
            return .integers(values)
        case .float32, .float64:
            var values: [Double] = []
            values.reserveCapacity(rowCount)
            for column in columns {
                for row in 0..<column.count {
                    switch column.value(at: row) {
                    case .float64(let value): values.append(value)
                    case .float32(let value): values.append(Double(value))
                    case let value: values.append(value.int64Value.map(Double.init) ?? 0)
                    }
                }
            }
            return .reals(values)
        case .string, .bytes:
            var values = BinaryValues()
            for column in columns {
                guard case .binary(let binary) = column.storage else { return .unordered }
                for row in 0..<column.count { values.append(binary[row]) }
            }
            return .bytes(values)
        case .list:
            return .unordered
        }
    }

    /// Appends a column's values as the integers SQLite stores for them: timestamps and dates
    /// in nanoseconds (wrapping: a value out of range fails when it is bound), booleans as
    /// 0 and 1, a null as the missing creation time.
    private static func appendIntegers(of column: Column, to values: inout [Int64]) {
        let start = values.count
        switch (column.type, column.storage) {
        case (.timestamp(let unit, _), .int64(let stored)):
            values += stored.lazy.map { $0 &* unit.nanoseconds }
        case (.date, .int32(let stored)):
            values += stored.lazy.map { Int64($0) &* 86_400_000_000_000 }
        case (.int, .int64(let stored)):
            values += stored
        case (.int, .int32(let stored)):
            values += stored.lazy.map(Int64.init)
        case (.int, .uint64(let stored)):
            values += stored.lazy.map { Int64(truncatingIfNeeded: $0) }
        case (.bool, .bool(let stored)):
            values += stored.lazy.map { $0 ? 1 : 0 }
        default:
            for row in 0..<column.count {
                switch column.value(at: row) {
                case .timestamp(let time): values.append(time.nanosecondsSinceEpoch)
                case .bool(let value): values.append(value ? 1 : 0)
                case let value: values.append(value.int64Value ?? 0)
                }
            }
        }
        guard let validity = column.validity else { return }
        for (row, present) in validity.enumerated() where !present {
            values[start + row] = DataTableLayout.missingCreatedTime
        }
    }
}
