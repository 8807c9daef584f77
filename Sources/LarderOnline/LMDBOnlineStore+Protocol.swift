public import LarderCore
public import LarderStores

extension LMDBOnlineStore: OnlineStore {
    /// Plans a read (see ``readPlan(view:features:)``) and keeps it with the store.
    /// - Parameters:
    ///   - view: the view's current schema.
    ///   - features: the feature names to read, in result order.
    /// - Returns: the prepared read.
    /// - Throws: ``OnlineStoreError`` (`unknownFeature`, `invalidSchema`).
    public func prepareRead(view: OnlineViewSchema, features: [String]) throws -> any PreparedOnlineRead {
        LMDBPreparedRead(store: self, plan: try readPlan(view: view, features: features))
    }
}

/// A read planned by an LMDB online store.
struct LMDBPreparedRead: PreparedOnlineRead {
    let store: LMDBOnlineStore
    let plan: OnlineReadPlan

    var view: OnlineViewSchema { plan.view }
    var features: [String] { plan.features }

    func read(entityColumns: [[Value]], now: Timestamp) throws -> OnlineReadResult {
        try store.read(plan, entityColumns: entityColumns, now: now)
    }
}
