public import LarderCore
public import LarderFormats

/// Opens a source file for reading, like `TableFiles.openReader(path:format:declaredTypes:)`.
/// `declaredTypes` maps the file's column names to the column types Larder expects in them,
/// which a CSV reader uses to parse text; a Parquet reader carries its own types.
public typealias SourceOpener =
    @Sendable (_ path: String, _ format: FileFormat, _ declaredTypes: [String: ColumnType]) throws -> any TableReader

/// Where feature view rows are kept for training sets and materialization: the facade, the
/// CLI and the feature server go through this protocol, whichever backend the repository's
/// `feature_store.yaml` names (`sqlite`, the embedded default, or `memory`).
///
/// Every implementation keeps the same contract, checked by one conformance suite: the
/// point-in-time rules of `docs/concepts.md` (candidates with equal keys and
/// `row time - TTL <= event time <= row time`, the latest event time wins, then the latest
/// creation time, then the row stored last; no candidate gives nulls; a null in the winner
/// stays null; every entity row is kept, in order), ingestion that leaves the previous rows
/// in place when it fails, and appended rows that count as stored after every other row.
///
/// A store value is used from one thread at a time.
public protocol OfflineStore: AnyObject {
    /// Loads a feature view's source file when it (or the view's definition) changed since
    /// the last ingestion, or always with `force`. Rows appended since then are kept, after
    /// the file's rows. A failed ingestion leaves the previous rows in place.
    /// - Parameters:
    ///   - table: the feature view's description.
    ///   - force: reload even when nothing changed.
    ///   - progress: called after each batch of rows.
    /// - Returns: what was done.
    /// - Throws: ``OfflineStoreError`` naming the view, file, row and column of a missing or
    ///   mistyped column, or a null join key or event time; the reader's errors.
    @discardableResult
    func ingest(_ table: OfflineTable, force: Bool, progress: ((IngestProgress) -> Void)?) throws -> IngestReport

    /// Adds rows to a feature view after the rows it holds, all or none.
    /// - Parameters:
    ///   - table: the feature view's description.
    ///   - rows: the rows.
    /// - Returns: the number of rows appended.
    /// - Throws: ``OfflineStoreError`` (`outOfDate`, `invalidRequest` naming the row and column).
    @discardableResult
    func append(table: OfflineTable, rows: [StoredRow]) throws -> Int

    /// Streams, for each entity key, the winner among the view's rows with
    /// `start <= event time <= end`.
    /// - Parameters:
    ///   - table: the feature view's description.
    ///   - start: the earliest event time included.
    ///   - end: the latest event time included.
    ///   - body: called once per key with its winning row.
    /// - Returns: the number of rows passed to `body`.
    /// - Throws: ``OfflineStoreError`` (`notFound`, `outOfDate`); whatever `body` throws.
    @discardableResult
    func latestRows(
        table: OfflineTable, start: Timestamp, end: Timestamp, _ body: (StoredRow) throws -> Void
    ) throws
        -> Int

    /// Streams every row of a feature view with `start <= event time <= end`, in the order
    /// the rows were stored (the file's rows in file order, then appended rows): the events an
    /// aggregation view computes its features from.
    /// - Parameters:
    ///   - table: the feature view's description.
    ///   - start: the earliest event time included.
    ///   - end: the latest event time included.
    ///   - body: called once per row.
    /// - Returns: the number of rows passed to `body`.
    /// - Throws: ``OfflineStoreError`` (`notFound`, `outOfDate`); whatever `body` throws.
    @discardableResult
    func scanRows(
        table: OfflineTable, start: Timestamp, end: Timestamp, _ body: (StoredRow) throws -> Void
    ) throws
        -> Int

    /// Streams every row of a feature view with `start <= event time <= end` in the order the
    /// store reads fastest, in which the rows of one key with the same event time and creation
    /// time come in stored order: the events an aggregation view puts in (event time, creation
    /// time, stored order) order per key itself. Stores without a faster order stream
    /// ``scanRows(table:start:end:_:)``'s stored order, which is one such order.
    /// - Parameters:
    ///   - table: the feature view's description.
    ///   - start: the earliest event time included.
    ///   - end: the latest event time included.
    ///   - body: called once per row.
    /// - Returns: the number of rows passed to `body`.
    /// - Throws: ``OfflineStoreError`` (`notFound`, `outOfDate`); whatever `body` throws.
    @discardableResult
    func scanEvents(
        table: OfflineTable, start: Timestamp, end: Timestamp, _ body: (StoredRow) throws -> Void
    ) throws
        -> Int

    /// Builds a training set: every entity row, in order, with all its columns, then the
    /// requested features as they were known at the row's time.
    /// - Parameters:
    ///   - entities: the entity rows (join keys, a timestamp, any other columns).
    ///   - timestampColumn: the entity rows' timestamp column.
    ///   - requests: the feature views and features, in output order.
    ///   - output: opens the output for the joined schema; it is closed after the last batch.
    /// - Returns: row counts and the time taken.
    /// - Throws: ``OfflineStoreError`` naming the missing or mistyped entity column, the view
    ///   not ingested, the unknown feature, or clashing output names; reader and writer errors.
    @discardableResult
    func pointInTimeJoin(
        entities: any TableReader, timestampColumn: String, requests: [FeatureRequest],
        output: (TableSchema) throws -> any TableWriter
    ) throws -> JoinReport

    /// The feature views in the store, ordered by name.
    /// - Returns: one description per ingested view.
    /// - Throws: when the store cannot be read.
    func ingestedTables() throws -> [IngestedTable]

    /// What the store holds for one feature view.
    /// - Parameter name: the feature view's name.
    /// - Returns: the description, or `nil` when the view was never ingested.
    /// - Throws: when the store cannot be read.
    func ingestedTable(named name: String) throws -> IngestedTable?

    /// Appends rows of the served-feature log (`larder_feature_log`), all or none.
    /// - Parameter records: the logged rows.
    /// - Returns: the number of rows appended.
    /// - Throws: ``OfflineStoreError`` (`invalidRequest`) naming a malformed record; store errors.
    @discardableResult
    func appendFeatureLog(_ records: [FeatureLogRecord]) throws -> Int

    /// Streams the logged rows of a feature service with `since <= log time`, ordered by log
    /// time, then by request and entity row.
    /// - Parameters:
    ///   - service: the feature service.
    ///   - since: the earliest log time included.
    ///   - body: called once per row.
    /// - Returns: the number of rows passed to `body`.
    /// - Throws: ``OfflineStoreError`` (`invalidSource`) for a damaged row; store errors;
    ///   whatever `body` throws.
    @discardableResult
    func scanFeatureLog(service: String, since: Timestamp, _ body: (FeatureLogRecord) throws -> Void) throws -> Int

    /// Removes a feature view's rows.
    /// - Parameter name: the feature view's name.
    /// - Returns: `true` when the view was in the store.
    /// - Throws: when the store cannot be written.
    @discardableResult
    func drop(table name: String) throws -> Bool
}
