public import LarderStores
/// Inspecting and removing what is stored per view.
extension LMDBOnlineStore {
    /// What is stored for a view, compared with its current schema.
    /// - Parameter view: the view's current schema.
    /// - Returns: `.empty`, `.materialized` (rows of this schema) or `.schemaChanged` (rows
    ///   only of another schema, which must be materialized again).
    /// - Throws: ``OnlineStoreError``.
    public func state(of view: OnlineViewSchema) throws -> OnlineViewState {
        try storedKeyCounts().reduce(into: OnlineViewState.empty) { state, stored in
            guard stored.database.view == view.name, stored.keys > 0 else { return }
            if stored.database.version == view.version {
                state = .materialized(keys: stored.keys)
            } else if case .empty = state {
                state = .schemaChanged(storedVersion: stored.database.version, keys: stored.keys)
            }
        }
    }

    /// The views whose stored rows were written with another schema and must be materialized
    /// again before reads return them.
    /// - Parameter views: the current schemas, such as every online view after `apply`.
    /// - Returns: the names of those views, in the given order.
    /// - Throws: ``OnlineStoreError``.
    public func viewsNeedingRematerialization(_ views: [OnlineViewSchema]) throws -> [String] {
        try views.filter {
            if case .schemaChanged = try state(of: $0) { return true }
            return false
        }.map(\.name)
    }

    /// Removes every stored row of a view, under every schema version, in one transaction.
    /// - Parameter view: the view name.
    /// - Throws: ``OnlineStoreError``.
    public func drop(view: String) throws {
        try empty { $0.view == view }
    }

    /// Removes the rows of every view not in a list (or stored under another version than
    /// the listed schema's), such as views deleted by `apply`.
    /// - Parameter views: the views to keep, with their current schemas.
    /// - Returns: the names of the views whose rows were removed, sorted.
    /// - Throws: ``OnlineStoreError``.
    @discardableResult
    public func prune(keeping views: [OnlineViewSchema]) throws -> [String] {
        let kept = Dictionary(views.map { ($0.name, $0.version) }, uniquingKeysWith: { first, _ in first })
        return try empty { kept[$0.view] != $0.version }
    }

    /// Removes every stored row of every view, in one transaction.
    /// - Throws: ``OnlineStoreError``.
    public func clear() throws {
        try empty { _ in true }
    }

    /// Empties the view databases that match, in one write transaction. Emptied databases
    /// keep only their name, so no handle another thread may be using is ever closed.
    /// - Parameter matches: which databases to empty.
    /// - Returns: the names of the views whose non-empty databases were emptied, sorted.
    @discardableResult
    private func empty(where matches: (StoredDatabase) -> Bool) throws -> [String] {
        try writer.withLock { _ in
            try withCatalogWrite { transaction in
                var emptied = Set<String>()
                for database in try storedDatabases(in: transaction) where matches(database) {
                    guard let dbi = try transaction.openDatabase(named: database.name) else { continue }
                    if try transaction.entryCount(dbi) > 0 { emptied.insert(database.view) }
                    try transaction.drop(dbi, delete: false)
                }
                return emptied.sorted()
            }
        }
    }

    /// Each view database with its number of keys.
    private func storedKeyCounts() throws -> [(database: StoredDatabase, keys: Int)] {
        try withMapRetries(growOnFull: false) {
            try databaseLock.withLock { _ in
                let transaction = try LMDBReadTransaction(environment: environment)
                let counts = try storedDatabases(in: transaction).map { database in
                    let dbi = try transaction.openDatabase(named: database.name)
                    return (database, try dbi.map { try transaction.entryCount($0) } ?? 0)
                }
                try transaction.commit()
                return counts
            }
        }
    }
}
