public import LarderCore
public import LarderStores

/// Events collected for many entity keys at once, then split into one ``EventLog`` per key:
/// what a training set and a materialization read from the offline store. Events are kept
/// in flat arrays while they arrive (no per-key arrays to grow), and keys made of one integer
/// are looked up without hashing arrays of values.
public struct EventGroups {
    private var integerPositions = IntegerKeyTable()
    private var positions: [[Value]: Int] = [:]
    /// The keys, in the order they were first seen; a key's position indexes ``logs()``.
    public private(set) var keys: [[Value]] = []
    private var owners: [Int] = []
    private var pending: EventLog

    /// No keys and no events yet.
    /// - Parameter types: the event columns' declared types, in the view's order.
    public init(types: [ValueType]) {
        pending = EventLog(types: types)
    }

    /// The position of a key (integer keys of any width are one key), adding it when `add`.
    /// - Parameters:
    ///   - key: the join key values.
    ///   - add: whether to add a key not seen before.
    /// - Returns: the key's position, or `nil` for a new key not added.
    public mutating func position(of key: [Value], adding add: Bool) -> Int? {
        if key.count == 1, let integer = Self.integer(key[0]) {
            if let found = integerPositions.position(of: integer) { return found }
            guard add else { return nil }
            integerPositions.insert(keys.count, for: integer)
        } else {
            let normalized = key.map { value in Self.integer(value).map(Value.int64) ?? value }
            if let found = positions[normalized] { return found }
            guard add else { return nil }
            positions[normalized] = keys.count
        }
        keys.append(key)
        return keys.count - 1
    }

    /// Adds an event of the key at a position.
    /// - Parameters:
    ///   - event: the event.
    ///   - position: its key's position.
    public mutating func add(_ event: StoredRow, at position: Int) {
        owners.append(position)
        pending.append(event)
    }

    /// Adds an event to its key, adding the key when it is new.
    /// - Parameter event: the event.
    public mutating func add(_ event: StoredRow) {
        add(event, at: position(of: event.joinKeys, adding: true)!)
    }

    /// One log per key, in key order, each in event order.
    /// - Returns: the logs; a key without events has an empty log.
    public func logs() -> [EventLog] {
        // A stable counting sort by key, then each key's slice is put in event order.
        var starts = Array(repeating: 0, count: keys.count + 1)
        for owner in owners { starts[owner + 1] += 1 }
        for index in keys.indices { starts[index + 1] += starts[index] }
        var next = starts
        var order = Array(repeating: 0, count: owners.count)
        for (event, owner) in owners.enumerated() {
            order[next[owner]] = event
            next[owner] += 1
        }
        let grouped = pending.reordered(by: order)
        return keys.indices.map { grouped.slice(starts[$0]..<starts[$0 + 1]).sorted() }
    }

    private static func integer(_ value: Value) -> Int64? {
        switch value {
        case .int64(let number): number
        case .int32(let number): Int64(number)
        default: nil
        }
    }
}
