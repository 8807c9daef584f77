public import LarderCore
public import LarderStores

extension SQLiteOfflineStore {
    /// Streams, for each join key tuple, the winner among the view's rows with
    /// `start <= event time <= end`: the latest event time, then the latest creation time,
    /// then the row ingested last. This is what materialization writes to the online store.
    ///
    /// Keys arrive in descending key order. One backward pass over the view's table, which
    /// is clustered in point-in-time order: each key's first row is its winner.
    /// - Parameters:
    ///   - table: the feature view's description (it must be ingested with this definition).
    ///   - start: the earliest event time included.
    ///   - end: the latest event time included.
    ///   - body: called once per key tuple with its winning row.
    /// - Returns: the number of rows passed to `body`.
    /// - Throws: ``OfflineStoreError`` (`notFound`, `outOfDate`) when the view is not stored
    ///   with this definition; ``SQLiteError``; whatever `body` throws.
    @discardableResult
    public func latestRows(
        table: OfflineTable, start: Timestamp, end: Timestamp, _ body: (StoredRow) throws -> Void
    ) throws -> Int {
        try connection.transaction(.deferred) {
            let entry = try currentEntry(for: table)
            let layout = DataTableLayout(table: entry.dataTable, definition: entry.definition)
            let keys = entry.definition.joinKeys
            let features = entry.definition.features
            let scan = try connection.prepare(
                layout.descendingScanSQL(features: features.map(\.name), created: true))
            try scan.bind(start.nanosecondsSinceEpoch, at: 1)
            try scan.bind(end.nanosecondsSinceEpoch, at: 2)
            let eventColumn = Int32(keys.count)
            var previous: [Value] = []
            var emitted = 0
            while try scan.step() {
                // Rows come newest first within each key: the first row of a key wins.
                guard !Self.row(of: scan, hasKeys: previous, types: keys) else { continue }
                previous = keys.indices.map { scan.value(at: Int32($0), as: keys[$0].type) }
                let created = scan.int64(at: eventColumn + 1)
                try body(
                    StoredRow(
                        joinKeys: previous,
                        eventTimestamp: Timestamp(nanosecondsSinceEpoch: scan.int64(at: eventColumn)),
                        createdTimestamp: created == DataTableLayout.missingCreatedTime
                            ? nil : Timestamp(nanosecondsSinceEpoch: created),
                        features: features.indices.map {
                            scan.value(at: eventColumn + 2 + Int32($0), as: features[$0].type)
                        }))
                emitted += 1
            }
            logger.debug(
                "read latest rows", metadata: ["feature_view.name": "\(table.name)", "rows.count": "\(emitted)"])
            return emitted
        }
    }

    /// Streams every row of a view with `start <= event time <= end`, in stored order
    /// (sequence order: the file's rows, then appended ones), in one pass over the table.
    /// - Parameters:
    ///   - table: the feature view's description (it must be ingested with this definition).
    ///   - start: the earliest event time included.
    ///   - end: the latest event time included.
    ///   - body: called once per row.
    /// - Returns: the number of rows passed to `body`.
    /// - Throws: ``OfflineStoreError`` (`notFound`, `outOfDate`); ``SQLiteError``; whatever
    ///   `body` throws.
    @discardableResult
    public func scanRows(
        table: OfflineTable, start: Timestamp, end: Timestamp, _ body: (StoredRow) throws -> Void
    ) throws -> Int {
        try scan(table: table, start: start, end: end, sql: \.sequentialScanSQL, body)
    }

    /// Streams every row of a view with `start <= event time <= end` in the data table's
    /// order, (join keys, event time, creation time, sequence), with no sort: the rows of one
    /// key with the same event and creation times come in stored (sequence) order, as
    /// aggregation views need.
    /// - Parameters:
    ///   - table: the feature view's description (it must be ingested with this definition).
    ///   - start: the earliest event time included.
    ///   - end: the latest event time included.
    ///   - body: called once per row.
    /// - Returns: the number of rows passed to `body`.
    /// - Throws: ``OfflineStoreError`` (`notFound`, `outOfDate`); ``SQLiteError``; whatever
    ///   `body` throws.
    @discardableResult
    public func scanEvents(
        table: OfflineTable, start: Timestamp, end: Timestamp, _ body: (StoredRow) throws -> Void
    ) throws -> Int {
        try scan(table: table, start: start, end: end, sql: \.clusteredScanSQL, body)
    }

    /// Streams the rows a scan statement of the data table selects, in one transaction.
    private func scan(
        table: OfflineTable, start: Timestamp, end: Timestamp, sql: KeyPath<DataTableLayout, String>,
        _ body: (StoredRow) throws -> Void
    ) throws -> Int {
        try connection.transaction(.deferred) {
            let entry = try currentEntry(for: table)
            let layout = DataTableLayout(table: entry.dataTable, definition: entry.definition)
            let keys = entry.definition.joinKeys
            let features = entry.definition.features
            let scan = try connection.prepare(layout[keyPath: sql])
            try scan.bind(start.nanosecondsSinceEpoch, at: 1)
            try scan.bind(end.nanosecondsSinceEpoch, at: 2)
            let timeColumn = Int32(keys.count)
            var emitted = 0
            // One row is refilled in place: its arrays are reused unless `body` keeps them.
            var row = StoredRow(
                joinKeys: Array(repeating: .null, count: keys.count),
                eventTimestamp: Timestamp(nanosecondsSinceEpoch: 0),
                features: Array(repeating: .null, count: features.count))
            while try scan.step() {
                let created = scan.int64(at: timeColumn + 1)
                for index in keys.indices { row.joinKeys[index] = scan.value(at: Int32(index), as: keys[index].type) }
                row.eventTimestamp = Timestamp(nanosecondsSinceEpoch: scan.int64(at: timeColumn))
                row.createdTimestamp =
                    created == DataTableLayout.missingCreatedTime ? nil : Timestamp(nanosecondsSinceEpoch: created)
                for index in features.indices {
                    row.features[index] = scan.value(at: timeColumn + 2 + Int32(index), as: features[index].type)
                }
                try body(row)
                emitted += 1
            }
            logger.debug("scanned rows", metadata: ["feature_view.name": "\(table.name)", "rows.count": "\(emitted)"])
            return emitted
        }
    }

    /// Whether the scan's current row has the given keys (result columns 0...), compared
    /// without building values for the common integer and text keys.
    private static func row(of scan: SQLiteStatement, hasKeys keys: [Value], types: [OfflineColumn]) -> Bool {
        guard keys.count == types.count else { return false }
        for (index, key) in keys.enumerated() {
            let column = Int32(index)
            switch key {
            case .int64(let v): if scan.int64(at: column) != v { return false }
            case .int32(let v): if scan.int64(at: column) != Int64(v) { return false }
            case .string(var v):
                let equal = v.withUTF8 { expected in
                    scan.withBytes(at: column) { $0.elementsEqual(UnsafeRawBufferPointer(expected)) }
                }
                if !equal { return false }
            default: if scan.value(at: column, as: types[index].type) != key { return false }
            }
        }
        return true
    }
}
