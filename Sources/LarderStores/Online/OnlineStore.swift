public import LarderCore

/// Where the latest feature values per entity key are kept for serving: the facade, the CLI
/// and the feature server read and write through this protocol, whichever backend the
/// repository's `feature_store.yaml` names (`lmdb`, the embedded default, or `memory`).
///
/// Every implementation keeps the same contract, checked by one conformance suite:
/// - ``write(view:rows:progress:)`` keeps, per entity key, the newest row by event time,
///   then creation time (a tie among the given rows goes to the row given last), and
///   replaces a stored row only when the new one is strictly newer; each call's changes
///   become visible to readers all at once.
/// - A read reports each feature as `PRESENT`, `NULL_VALUE`, `NOT_FOUND`, or
///   `OUTSIDE_MAX_AGE` when the stored row is older than the view's TTL at the read time
///   (the value is then null, as in a training set built at that time).
/// - Rows belong to a view's schema version (``OnlineViewSchema/version``): rows of another
///   version are never returned.
public protocol OnlineStore: AnyObject, Sendable {
    /// Checks a read once and prepares it for every request of the same view and features.
    /// - Parameters:
    ///   - view: the view's current schema.
    ///   - features: the feature names to read, in the order the result should have them.
    /// - Returns: the prepared read, safe to share between threads.
    /// - Throws: ``OnlineStoreError`` (`unknownFeature`, `invalidSchema`).
    func prepareRead(view: OnlineViewSchema, features: [String]) throws -> any PreparedOnlineRead

    /// Writes rows of a view, newer-wins per entity key, in one atomic change; rows stored
    /// under another schema version of the view are removed in the same change.
    /// - Parameters:
    ///   - view: the view's schema.
    ///   - rows: the rows, read once.
    ///   - progress: called as rows are read and stored.
    /// - Returns: rows read, superseded in the input, keys written and skipped as older.
    /// - Throws: ``OnlineStoreError`` naming the view, row and column of a bad row; nothing
    ///   is written then.
    @discardableResult
    func write(
        view: OnlineViewSchema, rows: some Sequence<StoredRow>, progress: (OnlineWriteProgress) -> Void
    ) throws
        -> OnlineWriteReport

    /// What is stored for a view, compared with its current schema.
    /// - Parameter view: the view's current schema.
    /// - Returns: empty, materialized with this schema, or only under another one.
    /// - Throws: ``OnlineStoreError``.
    func state(of view: OnlineViewSchema) throws -> OnlineViewState

    /// Removes every stored row of a view, under every schema version.
    /// - Parameter view: the view's name.
    /// - Throws: ``OnlineStoreError``.
    func drop(view: String) throws

    /// Removes the rows of every view not listed, or stored under another schema version
    /// than the listed one (views deleted or changed by `apply`).
    /// - Parameter views: the views to keep, with their current schemas.
    /// - Returns: the names of the views whose rows were removed, sorted.
    /// - Throws: ``OnlineStoreError``.
    @discardableResult
    func prune(keeping views: [OnlineViewSchema]) throws -> [String]

    /// Removes every stored row of every view.
    /// - Throws: ``OnlineStoreError``.
    func clear() throws
}

/// A read of some features of one view, checked once by ``OnlineStore/prepareRead(view:features:)``
/// and then run for every request.
public protocol PreparedOnlineRead: Sendable {
    /// The view read.
    var view: OnlineViewSchema { get }
    /// The requested features, in result order.
    var features: [String] { get }

    /// Reads the features for entity rows given column by column, as a Feast request has them.
    /// - Parameters:
    ///   - entityColumns: one array per join key, in the view's declared order, each with a
    ///     value per entity row; rows may repeat. An `int32` value is accepted for an
    ///     `int64` key and the reverse when it fits.
    ///   - now: the read time, against which the TTL is applied.
    /// - Returns: per feature and entity row, in input order: value, status, event time.
    /// - Throws: ``OnlineStoreError`` (`invalidEntityKey`) naming the join key of a missing
    ///   column, columns of unequal length, or a null or mistyped value.
    func read(entityColumns: [[Value]], now: Timestamp) throws -> OnlineReadResult
}

extension OnlineStore {
    /// Writes rows of a view without reporting progress; see
    /// ``write(view:rows:progress:)``.
    /// - Parameters:
    ///   - view: the view's schema.
    ///   - rows: the rows.
    /// - Returns: what was written.
    /// - Throws: ``OnlineStoreError``.
    @discardableResult
    public func write(view: OnlineViewSchema, rows: some Sequence<StoredRow>) throws -> OnlineWriteReport {
        try write(view: view, rows: rows, progress: { _ in })
    }

    /// Reads features for entity rows given row by row, preparing the read on the spot; a
    /// server should keep prepared reads instead.
    /// - Parameters:
    ///   - view: the view's current schema.
    ///   - features: the feature names to read.
    ///   - entityKeys: for each entity row, the join key values in declared order.
    ///   - now: the read time.
    /// - Returns: values, statuses and event times per entity row and feature.
    /// - Throws: ``OnlineStoreError``.
    public func read(
        view: OnlineViewSchema, features: [String], entityKeys: [[Value]], now: Timestamp = .now
    ) throws
        -> OnlineReadResult
    {
        for keys in entityKeys where keys.count != view.joinKeys.count {
            _ = try view.storedKey(count: keys.count) { keys[$0] }
        }
        let columns = view.joinKeys.indices.map { key in entityKeys.map { $0[key] } }
        return try prepareRead(view: view, features: features).read(entityColumns: columns, now: now)
    }
}

extension OnlineViewSchema {
    /// Checks entity columns against the join keys before a read: one column per key, all
    /// of the same length.
    /// - Parameter entityColumns: the columns, in join key order.
    /// - Returns: the number of entity rows.
    /// - Throws: ``OnlineStoreError`` (`invalidEntityKey`) naming the key.
    public func checkEntityColumns(_ entityColumns: [[Value]]) throws -> Int {
        guard entityColumns.count == joinKeys.count else {
            throw OnlineStoreError(
                .invalidEntityKey,
                "feature view '\(name)' has join keys \(joinKeys.map { "'\($0.name)'" }.joined(separator: ", ")); \(entityColumns.count) entity columns were given"
            )
        }
        let rowCount = entityColumns.first?.count ?? 0
        for (column, values) in zip(joinKeys, entityColumns) where values.count != rowCount {
            throw OnlineStoreError(
                .invalidEntityKey,
                "entity key '\(column.name)' has \(values.count) values; '\(joinKeys[0].name)' has \(rowCount)")
        }
        return rowCount
    }
}
