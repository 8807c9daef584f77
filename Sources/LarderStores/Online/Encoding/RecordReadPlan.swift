package import LarderCore

/// A validated, precomputed way to decode some features out of stored rows of a view (see
/// ``ValueRecordCodec``): which stored features to decode, which to skip, and where each
/// decoded value goes in the result. Every byte-storing backend (LMDB, Redis) reads with one.
package struct RecordReadPlan: Sendable {
    /// One stored feature, in declared order, up to the last requested one.
    package struct Step: Sendable {
        /// The stored type.
        package var type: ValueType
        /// The position in the requested features, or -1 to skip the value.
        package var output: Int
    }

    /// The view read.
    package let view: OnlineViewSchema
    /// The requested feature names, in requested order.
    package let features: [String]
    /// The stored features to walk, in declared order.
    package let steps: [Step]
    /// Bytes of the stored null bitmap.
    package let bitmapLength: Int

    /// Validates the request and precomputes the steps.
    /// - Parameters:
    ///   - view: the view.
    ///   - features: the feature names to read, each at most once.
    /// - Throws: ``OnlineStoreError`` of kind `.unknownFeature` naming a feature that is not
    ///   in the view, or `.invalidSchema` for a feature asked twice or an invalid schema.
    package init(view: OnlineViewSchema, features: [String]) throws {
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
    }

    /// Decodes the requested features of a stored row into a result row.
    /// - Parameters:
    ///   - bytes: the stored row.
    ///   - row: the entity row's position.
    ///   - cutoff: rows with an older event timestamp are outside the TTL.
    ///   - result: receives values, statuses and the event timestamp.
    /// - Throws: ``OnlineStoreError`` of kind `.corruptValue` naming the view and entity row
    ///   when the bytes are not a row of this schema.
    @inline(__always)
    package func decode(
        _ bytes: UnsafeRawBufferPointer, row: Int, cutoff: Int64?, into result: inout OnlineReadResult
    ) throws {
        var reader = ByteReader(bytes)
        guard let header = ValueRecordCodec.header(from: &reader), reader.skip(bitmapLength) else {
            throw corrupt(row: row)
        }
        result.eventTimestamps[row] = Timestamp(nanosecondsSinceEpoch: header.event)
        let rowCount = result.rowCount
        if let cutoff, header.event < cutoff {
            for output in features.indices { result.statuses[output * rowCount + row] = .outsideMaxAge }
            return
        }
        for index in steps.indices {
            let step = steps[index]
            if reader.bit(index, ofBitmapAt: header.bitmapOffset) {
                if step.output >= 0 { result.statuses[step.output * rowCount + row] = .nullValue }
            } else if step.output < 0 {
                guard ValueRecordCodec.skipValue(step.type, in: &reader) else { throw corrupt(row: row) }
            } else {
                guard let value = ValueRecordCodec.decodeValue(step.type, from: &reader) else {
                    throw corrupt(row: row)
                }
                result.values[step.output * rowCount + row] = value
                result.statuses[step.output * rowCount + row] = .present
            }
        }
    }

    private func corrupt(row: Int) -> OnlineStoreError {
        OnlineStoreError(
            .corruptValue,
            "the stored row for entity row \(row) of feature view '\(view.name)' cannot be decoded with the view's schema; re-materialize the view"
        )
    }
}
