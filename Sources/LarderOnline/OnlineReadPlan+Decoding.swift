import LarderCore
import LarderStores

/// Turning one stored row into values and statuses of a result.
extension OnlineReadPlan {
    /// The oldest event timestamp that is still fresh at `now`, or `nil` without a TTL.
    /// - Parameter now: the read time.
    /// - Returns: nanoseconds since the epoch.
    @inline(__always)
    func freshnessCutoff(at now: Timestamp) -> Int64? {
        view.freshnessCutoff(at: now)
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
    func decode(_ bytes: UnsafeRawBufferPointer, row: Int, cutoff: Int64?, into result: inout OnlineReadResult) throws {
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
