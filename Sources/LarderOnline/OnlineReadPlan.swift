import LarderCore
public import LarderStores

/// A validated, precomputed way to read some features of a view: which stored features to
/// decode, which to skip, and where each decoded value goes in the result.
///
/// Make one per (view, features) with ``LMDBOnlineStore/readPlan(view:features:)`` and reuse it
/// for every request: it is immutable and can be shared by any number of threads.
public struct OnlineReadPlan: Sendable {
    /// How stored rows are decoded.
    let record: RecordReadPlan
    /// The database handle of the view's current version.
    let slot: DatabaseSlot

    /// The view read.
    public var view: OnlineViewSchema { record.view }
    /// The requested feature names, in requested order.
    public var features: [String] { record.features }

    /// Validates the request and precomputes the steps.
    /// - Parameters:
    ///   - view: the view.
    ///   - features: the feature names to read, each at most once.
    ///   - slot: the database slot of the view's version.
    /// - Throws: ``OnlineStoreError`` of kind `.unknownFeature` naming a feature that is not
    ///   in the view, or `.invalidSchema` for a feature asked twice or an invalid schema.
    init(view: OnlineViewSchema, features: [String], slot: DatabaseSlot) throws {
        record = try RecordReadPlan(view: view, features: features)
        self.slot = slot
    }
}
