import LarderCore
public import LarderStores

/// A validated, precomputed way to read some features of a view: which stored features to
/// decode, which to skip, and where each decoded value goes in the result.
///
/// Make one per (view, features) with ``LMDBOnlineStore/readPlan(view:features:)`` and reuse it
/// for every request: it is immutable and can be shared by any number of threads.
public struct OnlineReadPlan: Sendable {
    /// One stored feature, in declared order, up to the last requested one.
    struct Step: Sendable {
        /// The stored type.
        var type: ValueType
        /// The position in the requested features, or -1 to skip the value.
        var output: Int
    }

    /// The view read.
    public let view: OnlineViewSchema
    /// The requested feature names, in requested order.
    public let features: [String]
    /// The stored features to walk, in declared order.
    let steps: [Step]
    /// Bytes of the stored null bitmap.
    let bitmapLength: Int
    /// The database handle of the view's current version.
    let slot: DatabaseSlot

    /// Validates the request and precomputes the steps.
    /// - Parameters:
    ///   - view: the view.
    ///   - features: the feature names to read, each at most once.
    ///   - slot: the database slot of the view's version.
    /// - Throws: ``OnlineStoreError`` of kind `.unknownFeature` naming a feature that is not
    ///   in the view, or `.invalidSchema` for a feature asked twice or an invalid schema.
    init(view: OnlineViewSchema, features: [String], slot: DatabaseSlot) throws {
        try view.validate()
        var outputs = Array(repeating: -1, count: view.features.count)
        var lastRequested = -1
        for (output, name) in features.enumerated() {
            guard let index = view.features.firstIndex(where: { $0.name == name }) else {
                let known = view.features.map(\.name).joined(separator: ", ")
                throw OnlineStoreError(
                    .unknownFeature, "feature '\(name)' is not in feature view '\(view.name)' (it has: \(known))")
            }
            guard outputs[index] < 0 else {
                throw OnlineStoreError(
                    .invalidSchema, "feature '\(name)' of feature view '\(view.name)' is requested twice")
            }
            outputs[index] = output
            lastRequested = max(lastRequested, index)
        }
        self.view = view
        self.features = features
        steps = (0..<(lastRequested + 1)).map { Step(type: view.features[$0].type, output: outputs[$0]) }
        bitmapLength = (view.features.count + 7) / 8
        self.slot = slot
    }
}
