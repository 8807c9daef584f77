import LarderCore
import Synchronization

/// An online store that keeps values in the process: the reference implementation of
/// ``OnlineStore``, for tests and trials (`online_store: {type: memory}`). Values are gone
/// when the store is.
///
/// Each write builds the view's new rows aside and swaps them in under a lock, so readers see
/// all of a write or none of it, as with LMDB.
public final class MemoryOnlineStore: OnlineStore {
    /// What is stored for one view: its schema version and the newest row per key.
    struct StoredView: Sendable {
        var version: UInt64
        var rows: [[Value]: StoredRow]
    }

    /// The views, by name.
    let views = Mutex<[String: StoredView]>([:])

    /// An empty store.
    public init() {}

    /// Prepares a read; see ``OnlineStore/prepareRead(view:features:)``.
    /// - Parameters:
    ///   - view: the view's current schema.
    ///   - features: the features to read, in result order.
    /// - Returns: the prepared read.
    /// - Throws: ``OnlineStoreError`` (`unknownFeature`, `invalidSchema`).
    public func prepareRead(view: OnlineViewSchema, features: [String]) throws -> any PreparedOnlineRead {
        try MemoryPreparedRead(store: self, view: view, features: features)
    }

    /// Writes rows newer-wins; see ``OnlineStore/write(view:rows:progress:)``.
    /// - Parameters:
    ///   - view: the view's schema.
    ///   - rows: the rows.
    ///   - progress: called once the rows are read and once they are stored.
    /// - Returns: what was written.
    /// - Throws: ``OnlineStoreError`` naming the row and column of a bad row; nothing is
    ///   written then.
    @discardableResult
    public func write(
        view: OnlineViewSchema, rows: some Sequence<StoredRow>, progress: (OnlineWriteProgress) -> Void = { _ in }
    ) throws -> OnlineWriteReport {
        let clock = ContinuousClock()
        let started = clock.now
        try view.validate()
        var newest: [[Value]: StoredRow] = [:]
        var rowsRead = 0
        var superseded = 0
        for row in rows {
            let stored = try view.storedRow(row, index: rowsRead)
            rowsRead += 1
            if let held = newest[stored.joinKeys] {
                superseded += 1
                guard stored.recency >= held.recency else { continue }
            }
            newest[stored.joinKeys] = stored
        }
        progress(
            OnlineWriteProgress(
                view: view.name, phase: .reading, rowsRead: rowsRead, keysDone: 0, keysTotal: newest.count))
        let version = view.version
        let (written, skipped) = views.withLock { views -> (Int, Int) in
            var current =
                views[view.name].flatMap { $0.version == version ? $0 : nil } ?? StoredView(version: version, rows: [:])
            var written = 0
            for (key, row) in newest {
                if let stored = current.rows[key], stored.recency >= row.recency { continue }
                current.rows[key] = row
                written += 1
            }
            views[view.name] = current
            return (written, newest.count - written)
        }
        progress(
            OnlineWriteProgress(
                view: view.name, phase: .committed, rowsRead: rowsRead, keysDone: newest.count, keysTotal: newest.count)
        )
        return OnlineWriteReport(
            rowsRead: rowsRead, rowsSuperseded: superseded, keysWritten: written, keysSkippedAsOlder: skipped,
            duration: clock.now - started)
    }

    /// What is stored for a view; see ``OnlineStore/state(of:)``.
    /// - Parameter view: the view's current schema.
    /// - Returns: the state.
    public func state(of view: OnlineViewSchema) throws -> OnlineViewState {
        views.withLock { views in
            guard let stored = views[view.name], !stored.rows.isEmpty else { return .empty }
            return stored.version == view.version
                ? .materialized(keys: stored.rows.count)
                : .schemaChanged(storedVersion: stored.version, keys: stored.rows.count)
        }
    }

    /// Removes a view's rows.
    /// - Parameter view: the view's name.
    public func drop(view: String) throws {
        _ = views.withLock { $0.removeValue(forKey: view) }
    }

    /// Removes the rows of views not listed or stored under another version.
    /// - Parameter views: the views to keep.
    /// - Returns: the names of the views whose rows were removed, sorted.
    @discardableResult
    public func prune(keeping views: [OnlineViewSchema]) throws -> [String] {
        let kept = Dictionary(views.map { ($0.name, $0.version) }, uniquingKeysWith: { first, _ in first })
        return self.views.withLock { stored in
            let removed = stored.filter { kept[$0.key] != $0.value.version }
            for name in removed.keys { stored[name] = nil }
            return removed.filter { !$0.value.rows.isEmpty }.keys.sorted()
        }
    }

    /// Removes every row.
    public func clear() throws {
        views.withLock { $0.removeAll() }
    }
}

/// A read of some features of one view from a ``MemoryOnlineStore``.
struct MemoryPreparedRead: PreparedOnlineRead {
    let store: MemoryOnlineStore
    let view: OnlineViewSchema
    let features: [String]
    /// The position of each requested feature in the view.
    let positions: [Int]

    init(store: MemoryOnlineStore, view: OnlineViewSchema, features: [String]) throws {
        try view.validate()
        var seen = Set<String>()
        positions = try features.map { name in
            guard let position = view.features.firstIndex(where: { $0.name == name }) else {
                let known = view.features.map(\.name).joined(separator: ", ")
                throw OnlineStoreError(
                    .unknownFeature, "feature '\(name)' is not in feature view '\(view.name)' (it has: \(known))")
            }
            guard seen.insert(name).inserted else {
                throw OnlineStoreError(
                    .invalidSchema, "feature '\(name)' of feature view '\(view.name)' is requested twice")
            }
            return position
        }
        self.store = store
        self.view = view
        self.features = features
    }

    func read(entityColumns: [[Value]], now: Timestamp) throws -> OnlineReadResult {
        let rowCount = try view.checkEntityColumns(entityColumns)
        let keys = try (0..<rowCount).map { row in
            try view.storedKey(count: entityColumns.count) { entityColumns[$0][row] }
        }
        let cutoff = view.freshnessCutoff(at: now)
        var result = OnlineReadResult(featureNames: features, rowCount: rowCount)
        let version = view.version
        store.views.withLock { views in
            guard let stored = views[view.name], stored.version == version else { return }
            for (row, key) in keys.enumerated() {
                guard let found = stored.rows[key] else { continue }
                result.eventTimestamps[row] = found.eventTimestamp
                let fresh = cutoff.map { found.eventTimestamp.nanosecondsSinceEpoch >= $0 } ?? true
                for (output, position) in positions.enumerated() {
                    let entry = output * rowCount + row
                    let value = found.features[position]
                    if !fresh {
                        result.statuses[entry] = .outsideMaxAge
                    } else if value.isNull {
                        result.statuses[entry] = .nullValue
                    } else {
                        result.statuses[entry] = .present
                        result.values[entry] = value
                    }
                }
            }
        }
        return result
    }
}
