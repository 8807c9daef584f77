internal import LarderFormats
import LarderStores

/// Loads a source file's batches into a new data table in point-in-time order, inside the
/// caller's transaction.
///
/// Batches are held until the file ends, then inserted sorted (``SourceRowOrder``), so SQLite
/// appends every row at the end of the table: no search per row and no index to build
/// afterwards. A file with more than `runRows` rows does not stay in memory: its rows go, in
/// file order, to a temporary staging table, which SQLite sorts into the data table at the
/// end (its sort spills to temporary files; memory stays bounded).
struct SourceRunLoader {
    /// The most rows held in memory to be sorted, unless a store says otherwise: 1M rows of
    /// ten columns hold about 100 MiB.
    static let defaultRunRows = 1 << 21
    /// The temporary table holding a large file's rows until they are sorted in.
    static let stagingTable = "larder_ingest_staging"

    private let loader: SourceLoader
    private let layout: DataTableLayout
    private let connection: SQLiteConnection
    private let runRows: Int
    private var held: [ColumnBatch] = []
    private var heldRows = 0
    private var staging: SQLiteStatement?
    /// The rows read so far.
    private(set) var rowCount = 0

    /// Prepares to load into a data table that exists and is empty.
    /// - Parameters:
    ///   - loader: the source's checked columns.
    ///   - layout: the data table.
    ///   - connection: the store's connection, inside a transaction.
    ///   - runRows: the most rows to hold in memory; a file with more goes through staging.
    init(loader: SourceLoader, layout: DataTableLayout, connection: SQLiteConnection, runRows: Int) {
        self.runRows = runRows
        self.loader = loader
        self.layout = layout
        self.connection = connection
    }

    /// Takes the next batch of the file.
    /// - Parameter batch: rows with the columns ``SourceLoader/sourceColumns`` names.
    /// - Throws: ``OfflineStoreError`` (`invalidSource`) naming the file, row and column of a
    ///   null join key or event time, or of a value out of range; ``SQLiteError``.
    mutating func add(_ batch: ColumnBatch) throws {
        try loader.checkRequiredValues(of: batch, firstRow: rowCount)
        if staging == nil, heldRows + batch.rowCount > runRows {
            try startStaging()
        }
        if let staging {
            try loader.insert(batch, firstRow: rowCount, using: staging)
        } else {
            held.append(batch)
            heldRows += batch.rowCount
        }
        rowCount += batch.rowCount
    }

    /// Stores the rows still held or staged in the data table.
    /// - Throws: as ``add(_:)`` does.
    mutating func finish() throws {
        if staging != nil {
            staging = nil
            try connection.execute(layout.insertSortedSQL(from: Self.stagingTable))
            try connection.execute("DROP TABLE temp.\(Self.stagingTable.quotedIdentifier)")
        } else if !held.isEmpty {
            try loader.insert(run: held, firstRow: 0, using: try connection.prepare(layout.insertSQL))
            held = []
            heldRows = 0
        }
    }

    /// Creates the staging table and moves the held batches into it.
    private mutating func startStaging() throws {
        try connection.execute(layout.createStagingSQL(Self.stagingTable))
        let insert = try connection.prepare(layout.insertSQL(into: "temp.\(Self.stagingTable.quotedIdentifier)"))
        var firstRow = 0
        for batch in held {
            try loader.insert(batch, firstRow: firstRow, using: insert)
            firstRow += batch.rowCount
        }
        held = []
        heldRows = 0
        staging = insert
    }
}
